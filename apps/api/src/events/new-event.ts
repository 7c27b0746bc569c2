/**
 * An event row a command writes in its own transaction (the transactional outbox). The database
 * adds `seq` (from a sequence, at insert) and `tx_id` (the writing transaction).
 *
 * The id columns double as subscription topics: `order:<orderId>`, `node:<nodeKey>`,
 * `work-center:<workCenterId>`, `operator:<operatorId>`. Fill every one that applies, or
 * subscribers of that topic never see the event.
 */
export interface NewEvent {
  /** Dotted lower case: `token.released`, `work_item.claimed`, … (domain events keep their type). */
  readonly type: string;
  /** When it happened (the command's `now`); the commit time when omitted. */
  readonly at?: Date;
  /** Who caused it, as shown in the audit trail (a user or API key display name). */
  readonly actor?: string | null;
  readonly orderId?: string | null;
  readonly tokenId?: string | null;
  readonly workItemId?: string | null;
  readonly nodeKey?: string | null;
  readonly workCenterId?: string | null;
  /** The operator the event concerns (claimed by, handed to, …), not necessarily the actor. */
  readonly operatorId?: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}
