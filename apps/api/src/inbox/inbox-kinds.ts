import type { inboxKindValues } from '@atelier/contracts';

/**
 * An inbox item kind (stable codes; `inbox_items.kind`). The assignment engine raises
 * HANDOFF_APPROVAL, UNASSIGNABLE and OVERDUE; routing raises REWORK_LIMIT and QC_FAILED.
 */
export type InboxKind = (typeof inboxKindValues)[number];
