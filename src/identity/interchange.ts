import { notFound } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { readAn2, writeAn2 } from './an2-profile.js';
import { enrollDetainee } from './enroll.js';
import { selectDetaineeRef, selectEnrollments } from './enrollment.store.js';
import type { TEnrollResult } from './identity.schemas.js';
import { qualitiesOf, presentEnrollment } from './present.js';
import { MODALITIES, fromBlob, unpackTemplates } from './templates.js';

/**
 * ANSI/NIST-ITL interchange: a detainee's latest enrollment the caller may see, written as a transaction; a
 * transaction read and enrolled (all its checks, then the enrollment's: nothing is stored unless all pass).
 */

/**
 * The latest enrollment of a detainee as an ANSI/NIST-ITL 1-2011 transaction (traditional encoding). Requires
 * `identity:read`. Audited (an export of marked data), with the marking returned for the file's banner.
 * @throws DomainError NOT_FOUND when the detainee or an enrollment of theirs is absent or unseen.
 */
export async function exportAn2(ctx: Ctx, isn: string): Promise<{ bytes: Uint8Array; marking: string; enrollmentId: string }> {
  requirePermission(ctx.principal, 'identity:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const d = await selectDetaineeRef(ctx.db, scope, isn);
  if (!d) throw notFound('detainee', isn);
  const rows = await selectEnrollments(ctx.db, scope, { detaineeIds: [d.id] });
  const row = rows.sort((a, b) => a.captured_at.localeCompare(b.captured_at)).at(-1);
  if (!row) throw notFound('enrollment of detainee', isn);
  const marking = (await markingTexts(ctx.db, [row.marking_id])).get(row.marking_id) ?? 'U';
  const e = presentEnrollment(row, marking);
  const templates = unpackTemplates(fromBlob(row.templates), qualitiesOf(row)).map((t) => ({ modality: t.modality, quality: t.quality, vector: [...t.vector] }));
  const bytes = writeAn2(
    { id: e.id, isn: e.isn, officer: e.officer, station: e.station, capturedAt: e.capturedAt, templates, descriptive: e.descriptive },
    { originator: ctx.principal.agencyCode, destination: 'ANY', now: ctx.clock.now().toISOString() },
  );
  await ctx.audit.record(ctx.db, { action: 'identity.export.an2', subjectType: 'enrollment', subjectId: e.id, details: { detaineeId: d.id, templates: templates.length, modalities: MODALITIES.length } });
  return { bytes, marking, enrollmentId: e.id };
}

/**
 * Imports a transaction: checks its structure and profile (a malformed file is refused naming the record and
 * field), then enrolls it for the detainee its Type-2 names, under the transaction's TCN as enrollment id.
 * Requires `identity:enroll`. One transaction: nothing is stored unless everything passes.
 * @throws DomainError IDENTITY_AN2_MALFORMED, and whatever `enrollDetainee` throws.
 */
export async function importAn2(ctx: Ctx, bytes: Uint8Array): Promise<TEnrollResult> {
  requirePermission(ctx.principal, 'identity:enroll');
  const { request } = readAn2(bytes);
  return enrollDetainee(ctx, { ...request, id: /^[0-9A-HJKMNP-TV-Z]{26}$/.test(request.id) ? request.id : undefined });
}
