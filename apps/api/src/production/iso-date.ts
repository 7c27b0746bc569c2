/** A `YYYY-MM-DD` request value as a `date` column (midnight UTC, as Prisma reads it back); null stays null. */
export function fromIsoDate(date: string | null | undefined): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}
