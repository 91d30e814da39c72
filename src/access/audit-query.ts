import { z } from 'zod';
import { readStoredJson } from '../kernel/index.js';
import type { Db } from '../store/index.js';
import { ZAuditRecord, type TAuditRecord } from './audit.js';
import type { Ctx } from './context.js';
import { requirePermission } from './principal.js';

/** Filters for the audit trail. Times are ISO-8601; `cursor` is the last id of the previous page. */
export const ZAuditQuery = z.strictObject({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  username: z.string().max(64).optional(),
  action: z.string().max(80).optional(),
  subjectType: z.string().max(80).optional(),
  subjectId: z.string().max(200).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;

const ZDetails = z.record(z.string(), z.unknown());

function filtered(db: Db, q: z.infer<typeof ZAuditQuery>) {
  let query = db.selectFrom('audit_events').selectAll();
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.username) query = query.where('username', '=', q.username);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  return query;
}

function toRecord(r: { id: string; at: string; user_id: string | null; username: string; agency_id: string | null; action: string; subject_type: string; subject_id: string | null; outcome: string; ip: string | null; request_id: string | null; details: string }): TAuditRecord {
  return ZAuditRecord.parse({
    id: r.id, at: r.at, userId: r.user_id, username: r.username, agencyId: r.agency_id, action: r.action,
    subjectType: r.subject_type, subjectId: r.subject_id, outcome: r.outcome, ip: r.ip, requestId: r.request_id,
    details: readStoredJson(ZDetails, r.details, `audit entry ${r.id} details`),
  });
}

/**
 * A page of the audit trail, oldest first. Requires `audit:read`. Reading the trail is itself audited.
 * @throws DomainError FORBIDDEN for anyone but an auditor.
 */
export async function listAudit(ctx: Ctx, raw: TAuditQuery): Promise<{ items: TAuditRecord[]; nextCursor: string | null }> {
  requirePermission(ctx.principal, 'audit:read');
  const q = ZAuditQuery.parse(raw);
  let query = filtered(ctx.db, q).orderBy('id').limit(q.limit + 1);
  if (q.cursor) query = query.where('id', '>', q.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  await ctx.audit.record(ctx.db, { action: 'audit.read', subjectType: 'audit', details: { filter: { ...q, limit: undefined } } });
  return { items: page.map(toRecord), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The whole filtered trail, streamed in pages of 1,000 so an export never holds it all in memory.
 * Requires `audit:read`; the export itself is audited before the first row is read.
 */
export async function* exportAudit(ctx: Ctx, raw: Omit<TAuditQuery, 'cursor' | 'limit'>): AsyncGenerator<TAuditRecord> {
  requirePermission(ctx.principal, 'audit:read');
  const q = ZAuditQuery.parse({ ...raw, limit: 1000 });
  await ctx.audit.record(ctx.db, { action: 'audit.export', subjectType: 'audit', details: { filter: { ...q, limit: undefined } } });
  let cursor: string | undefined;
  for (;;) {
    let query = filtered(ctx.db, q).orderBy('id').limit(1000);
    if (cursor) query = query.where('id', '>', cursor);
    const rows = await query.execute();
    for (const r of rows) yield toRecord(r);
    if (rows.length < 1000) return;
    cursor = rows.at(-1)?.id;
  }
}
