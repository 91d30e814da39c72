import { newId } from '../kernel/index.js';
import { listAgencies, requirePermission, type Ctx } from '../access/index.js';
import type { CustodyVerificationsTable, Db } from '../store/index.js';
import type { TLogStatus, TVerificationRun, TVerifyReport } from './custody.schemas.js';
import { currentCheckpoint } from './log-proofs.js';
import { latestCheckpoint } from './log.store.js';
import { checkpointSeries, insertVerification, recentVerifications } from './verification.store.js';

/** The record of full verifications: each run is stored (append-only) with the head it checked and its result. */

/** Stores one run, on the caller's executor (the verification's audit transaction). */
export async function recordRun(db: Db, ctx: Ctx, run: { startedAt: string; head: { size: number; root: Buffer }; signatures: boolean; report: TVerifyReport }): Promise<string> {
  const id = newId(ctx.clock.now().getTime());
  const bad = run.report.firstBad;
  await insertVerification(db, {
    id, started_at: run.startedAt, finished_at: ctx.clock.now().toISOString(), run_by: ctx.principal.username, agency_id: ctx.principal.agencyId,
    size: run.head.size, root: run.head.root, signatures: run.signatures ? 1 : 0, ok: run.report.ok ? 1 : 0, entries: run.report.entries,
    first_bad_index: bad?.index ?? null, first_bad_what: bad?.what ?? null, first_bad_reason: bad?.reason ?? null,
  });
  return id;
}

/** A stored run as the API shows it. */
export function presentRun(r: CustodyVerificationsTable, codes: ReadonlyMap<string, string>): TVerificationRun {
  return {
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, runBy: r.run_by, agency: r.agency_id ? (codes.get(r.agency_id) ?? null) : null,
    size: Number(r.size), root: Buffer.from(r.root).toString('base64'), signatures: r.signatures === 1, ok: r.ok === 1, entries: Number(r.entries),
    firstBad: r.first_bad_what === null ? null : { index: r.first_bad_index === null ? null : Number(r.first_bad_index), what: r.first_bad_what, reason: r.first_bad_reason ?? '' },
  };
}

async function agencyCodes(db: Db): Promise<Map<string, string>> {
  return new Map((await listAgencies(db)).map((a) => [a.id, a.code]));
}

/**
 * The recorded verifications, newest first (at most `limit`, default 20). Requires `custody:read`; a run reveals
 * sizes, roots and entry indexes only, never an event's content.
 */
export async function listVerifications(ctx: Ctx, limit = 20): Promise<TVerificationRun[]> {
  requirePermission(ctx.principal, 'custody:read');
  const codes = await agencyCodes(ctx.db);
  return (await recentVerifications(ctx.db, Math.min(Math.max(1, limit), 200))).map((r) => presentRun(r, codes));
}

/**
 * What the log page shows: the newest signed checkpoint (null before the log has a key), the last
 * verification and the recent ones, and the log's growth day by day. Requires `custody:read`.
 */
export async function logStatus(ctx: Ctx): Promise<TLogStatus> {
  requirePermission(ctx.principal, 'custody:read');
  const checkpoint = (await latestCheckpoint(ctx.db)) ? await currentCheckpoint(ctx) : null;
  const verifications = await listVerifications(ctx, 10);
  const growth = await checkpointSeries(ctx.db, ctx.clock.now().toISOString());
  return { checkpoint, lastVerification: verifications[0] ?? null, verifications, growth };
}
