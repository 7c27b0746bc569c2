import { describeDueDate } from '../lib/due-date.ts';
import './due-date-label.css';

/** A due date with how far away it is, coloured when it is close or past. */
export function DueDateLabel({ dueDate, status }: { dueDate: string | null; status: string }) {
  if (dueDate === null) return <span className="muted">No due date</span>;
  const due = describeDueDate(dueDate, status, new Date());
  return (
    <span className={`due-date due-date--${due.tone}`}>
      <time dateTime={dueDate.slice(0, 10)}>{due.date}</time>
      {due.relative ? <span className="due-date__relative">{due.relative}</span> : null}
    </span>
  );
}
