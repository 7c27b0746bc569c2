/** The kinds of inbox item this engine raises (stable codes; `inbox_items.kind`). */
export const INBOX_KINDS = [
  'HANDOFF_APPROVAL',
  'UNASSIGNABLE',
  'OVERDUE',
  'REWORK_LIMIT',
  'REPLACEMENT_APPROVAL',
] as const;

/** An inbox item kind. */
export type InboxKind = (typeof INBOX_KINDS)[number];
