import type { PieceSnapshot } from '@atelier/domain';

/**
 * The instant a step on pieces happens: the request's clock `now`, or later when the pieces as
 * read hold something later. A request reads its clock when it arrives, then waits — for a pool
 * connection, for a piece's row lock, under load for the CPU — and a start or resume that
 * commits meanwhile opens a time log after `now`. Closing that log at `now` would end it before
 * it began: `time_logs_interval_check` refuses the write and the command fails with a 500. A step
 * is written only on the pieces as read (locked, or guarded by their `piece_version`), so no
 * entry later than the instant returned can exist when it commits.
 */
export function stepInstant(now: Date, pieces: readonly { readonly piece: PieceSnapshot }[]): Date {
  let latest = now.getTime();
  for (const { piece } of pieces) {
    for (const item of piece.workItems) {
      latest = Math.max(latest, item.updatedAt.getTime());
      for (const entry of item.timeLogs) latest = Math.max(latest, entry.at.getTime());
    }
  }
  return latest === now.getTime() ? now : new Date(latest);
}
