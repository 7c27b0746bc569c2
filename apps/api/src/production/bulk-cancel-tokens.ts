import { randomUUID } from 'node:crypto';
import { cancelTokens, type CancellationType, type CancelRefusalCode, type Token } from '@atelier/domain';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { latestPublishedVersion } from './latest-published-version.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { loadPiecesForUpdate, type LoadedPiece, type PinnedVersion, type Tx } from './piece-store.ts';
import { persistEffects } from './persist-effects.ts';
import { settleFinishedOrders } from './write-step.ts';
import { stepInstant } from './step-instant.ts';
import { eventActor, type ProductionContext } from './production-context.ts';

/** A single or bulk cancellation. */
export interface BulkCancelTokensInput {
  /** Any token of each piece (root or component); a piece counts once however many of its tokens are listed. */
  readonly tokenIds: readonly string[];
  readonly type: CancellationType;
  readonly reason: string;
}

/** A token as a cancellation reports it. */
export interface TokenRef {
  readonly id: string;
  readonly serial: string;
}

/** What a cancellation did. */
export interface BulkCancelTokensResult {
  readonly type: CancellationType;
  /** Every token cancelled: the pieces' roots and their open components. */
  readonly cancelled: TokenRef[];
  /** New pieces at start (QC_FAIL, REDESIGN), each with the piece it replaces and its graph version. */
  readonly replacements: (TokenRef & { readonly replacesId: string; readonly graphVersionId: string })[];
  /** Work items closed because their token was cancelled. */
  readonly cancelledWorkItems: number;
  /** Target-quantity changes per order (PERMANENT only). */
  readonly orders: { readonly orderId: string; readonly targetQuantityDelta: number }[];
}

const REFUSAL_STATUS: Record<CancelRefusalCode, number> = {
  NO_TOKENS: 400,
  REASON_REQUIRED: 400,
  TOKEN_NOT_FOUND: 404,
  TOKEN_NOT_CANCELLABLE: 409,
  NEW_VERSION_REQUIRED: 409,
};

const REFUSAL_DETAIL: Record<CancelRefusalCode, (tokenId: string) => string> = {
  NO_TOKENS: () => 'List at least one token to cancel.',
  REASON_REQUIRED: () => 'Give a reason: every cancellation is audited.',
  TOKEN_NOT_FOUND: (id) => `No token has the id "${id}"; nothing was cancelled.`,
  TOKEN_NOT_CANCELLABLE: (id) => `The piece of token ${id} is already completed or cancelled; nothing was cancelled.`,
  NEW_VERSION_REQUIRED: (id) =>
    `REDESIGN needs a newer published version of the routing of token ${id}; publish it first. Nothing was cancelled.`,
};

function refusal(code: CancelRefusalCode, tokenId = ''): HttpProblem {
  return new HttpProblem(REFUSAL_STATUS[code], code, REFUSAL_DETAIL[code](tokenId), tokenId === '' ? {} : { tokenId });
}

/** For REDESIGN: each piece's routing's newest published version, when it is newer than the piece's own. */
async function redesignTargets(tx: Tx, pieces: readonly LoadedPiece[]): Promise<Map<string, PinnedVersion>> {
  const versions = await tx.graphVersion.findMany({
    where: { id: { in: pieces.map((piece) => piece.graphVersionId) } },
    select: { id: true, graphId: true },
  });
  const graphOf = new Map(versions.map((version) => [version.id, version.graphId]));
  const latest = new Map<string, PinnedVersion | null>();
  const targets = new Map<string, PinnedVersion>();
  for (const piece of pieces) {
    const graphId = graphOf.get(piece.graphVersionId) as string;
    if (!latest.has(graphId)) latest.set(graphId, await latestPublishedVersion(tx, graphId));
    const newest = latest.get(graphId);
    if (newest && newest.graphVersionId !== piece.graphVersionId) targets.set(piece.rootTokenId, newest);
  }
  return targets;
}

function summarise(
  type: CancellationType,
  effects: ReturnType<typeof cancelTokens> & { ok: true },
  versionOf: (token: Token) => string,
): BulkCancelTokensResult {
  const { tokens, workItems, orders } = effects.effects;
  return {
    type,
    cancelled: tokens.update.filter((token) => token.state === 'cancelled').map(({ id, serial }) => ({ id, serial })),
    replacements: tokens.insert
      .filter((token) => token.parentId === null && token.replacesId !== null)
      .map((token) => ({
        id: token.id,
        serial: token.serial,
        replacesId: token.replacesId as string,
        graphVersionId: versionOf(token),
      })),
    cancelledWorkItems: workItems.update.filter((item) => item.state === 'cancelled').length,
    orders,
  };
}

/**
 * Cancels pieces, single or bulk, all or nothing (SPEC §2), through the domain's `cancelTokens`:
 * every piece touched is locked first (root token rows in sorted order, so overlapping bulk
 * cancellations and completions never deadlock), then cancelled with its components and open
 * work items; QC_FAIL replaces it on its own version, REDESIGN on the routing's newest published
 * version, PERMANENT lowers the order's target quantity. Open inbox items of cancelled tokens are
 * resolved; orders left with nothing in flight are settled after the commit. Any refusal (404
 * unknown token, 409 finished piece or no newer version) cancels nothing.
 */
export async function bulkCancelTokens(
  context: ProductionContext,
  input: BulkCancelTokensInput,
): Promise<BulkCancelTokensResult> {
  const done = await runCommand(
    context,
    async (tx) => {
      const sql = prismaRunner(tx);
      const { pieces, rootOf } = await loadPiecesForUpdate(sql, input.tokenIds);
      const unknown = input.tokenIds.find((id) => !rootOf.has(id));
      if (unknown !== undefined) throw refusal('TOKEN_NOT_FOUND', unknown);
      // Not before anything recorded on the pieces while this request waited for their locks.
      const now = stepInstant(context.now, pieces);
      const redesign = input.type === 'REDESIGN' ? await redesignTargets(tx, pieces) : new Map<string, PinnedVersion>();
      const result = cancelTokens({
        tokenIds: input.tokenIds,
        type: input.type,
        reason: input.reason,
        pieces: pieces.map((piece) => {
          const target = redesign.get(piece.rootTokenId);
          return { ...piece.piece, graph: piece.graph, ...(target && { redesignGraph: target.graph }) };
        }),
        now,
        newId: randomUUID,
      });
      if (!result.ok) throw refusal(result.code, result.tokenId);

      const byRoot = new Map(pieces.map((piece) => [piece.rootTokenId, piece]));
      const placeNewPiece = (token: Token) => {
        const replaced = byRoot.get(token.replacesId ?? '');
        if (replaced === undefined) throw new Error(`Replacement ${token.serial} replaces no loaded piece`);
        return { order: replaced.order, version: redesign.get(replaced.rootTokenId) ?? replaced };
      };
      // The pieces are locked: the guarded write cannot find them changed.
      const persistContext = { actor: eventActor(context), now, pieces, placeNewPiece };
      if (!(await persistEffects(sql, result.effects, persistContext)).written)
        throw new Error('A locked piece changed during its cancellation');
      const summary = summarise(input.type, result, (token) => placeNewPiece(token).version.graphVersionId);
      return { result: { summary, effects: result.effects, persistContext }, events: [], recorded: true };
    },
    // A bulk cancellation may lock and rewrite hundreds of pieces in this one transaction.
    { timeoutMs: 60_000 },
  );
  await settleFinishedOrders(context.db, done.effects, done.persistContext);
  context.hub.wake();
  return done.summary;
}
