import { DomainError, checkName, hasArabicLetter, newId } from '../kernel/index.js';
import { requirePermission, scopeFor, markingTexts, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { IdentityErrors } from './identity.errors.js';
import { parseInput } from './input.js';
import { ZEnrollRequest, type TEnrollRequest, type TEnrollResult } from './identity.schemas.js';
import { enrollmentIdTaken, insertEnrollments, selectDetaineeRef, selectEnrollments } from './enrollment.store.js';
import { loadGallery, loadGalleryRows, type Gallery } from './gallery.js';
import type { EnrollmentIndex } from './enrollment-index.js';
import { neighbours, queuePairs, scorePair } from './queue.js';
import { countCandidates } from './candidate.store.js';
import { presentEnrollment } from './present.js';
import { MODALITIES, MODALITY_LABELS, checkTemplate, floorOf, packTemplates, searchVector, toBlob, type Template } from './templates.js';
import { notFound, isDomainError } from '../kernel/index.js';

/** Neighbours of a new enrollment scored by the fused matcher. */
const ARRIVAL_K = 10;

function checkTemplates(input: TEnrollRequest): Template[] {
  const seen = new Set<string>();
  return input.templates.map((t, i) => {
    const field = `templates.${i}`;
    if (seen.has(t.modality)) throw new DomainError('invalid', IdentityErrors.IDENTITY_TEMPLATE_INVALID, `${field}.modality: ${t.modality} given twice`, { field: `${field}.modality`, reason: `${t.modality} given twice` });
    seen.add(t.modality);
    try {
      checkTemplate(field, t);
    } catch (e) {
      if (isDomainError(e)) throw new DomainError('invalid', IdentityErrors.IDENTITY_TEMPLATE_INVALID, e.message, e.details);
      throw e;
    }
    const floor = floorOf(t.modality);
    if (t.quality < floor) {
      const reason = `quality ${t.quality} is below the floor ${floor} for the ${MODALITY_LABELS[t.modality]}; re-capture the ${MODALITY_LABELS[t.modality]}`;
      throw new DomainError('invalid', IdentityErrors.IDENTITY_QUALITY_BELOW_FLOOR, `${field}.quality: ${reason}`, { field: `${field}.quality`, reason, recapture: t.modality });
    }
    return { modality: t.modality, quality: t.quality, vector: Float32Array.from(t.vector) };
  });
}

function checkNames(d: { nameAr: string | null; nameLatin: string | null; aliases: string[] }): { nameAr: string | null; nameLatin: string | null; aliases: string[] } {
  return {
    nameAr: d.nameAr === null ? null : checkName('descriptive.nameAr', d.nameAr, 'arabic'),
    nameLatin: d.nameLatin === null ? null : checkName('descriptive.nameLatin', d.nameLatin, 'latin'),
    aliases: d.aliases.map((a, i) => checkName(`descriptive.aliases.${i}`, a, hasArabicLetter(a) ? 'arabic' : 'latin')),
  };
}

/**
 * Enrolls one encounter: checks every template (length, finite values, quality floor — a capture below the
 * floor is refused with a re-capture prompt naming the finger or modality), stores the enrollment under the
 * detainee's marking, searches it 1:N against the gallery on arrival and queues the candidate pairs whose
 * fused score reaches the threshold — all in one transaction, audited. Requires `identity:enroll`.
 *
 * With `opts.index` (the gallery's HNSW index, kept by the process) the arrival search asks the index for the
 * neighbours and loads only those enrollments; when the index is missing or does not hold exactly the store's
 * other enrollments it scans the whole gallery exactly instead, and the index is caught up after the commit.
 * The index learns the new enrollment only once the transaction has committed.
 * @throws DomainError INVALID_INPUT, IDENTITY_TEMPLATE_INVALID, IDENTITY_QUALITY_BELOW_FLOOR, IDENTITY_DUPLICATE_ENROLLMENT, NOT_FOUND (detainee).
 * @example await enrollDetainee(ctx, { isn: 'SP-SY-000123', officer: 'J. Doe', station: 'BIAP-ENR-1', templates: [{ modality: 'face', quality: 80, vector }] })
 */
export async function enrollDetainee(ctx: Ctx, raw: TEnrollRequest, opts: { index?: EnrollmentIndex } = {}): Promise<TEnrollResult> {
  requirePermission(ctx.principal, 'identity:enroll');
  const input = parseInput(ZEnrollRequest, raw);
  const templates = checkTemplates(input);
  const names = checkNames(input.descriptive);
  const now = ctx.clock.now().toISOString();
  const packed = packTemplates(templates);
  const probe = searchVector(packed, templates.length);
  let method = 'exact' as 'index' | 'exact';
  const result = await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const detainee = await selectDetaineeRef(trx, scope, input.isn);
    if (!detainee) throw notFound('detainee', input.isn);
    const id = input.id ?? newId(ctx.clock.now().getTime());
    if (await enrollmentIdTaken(trx, id)) {
      throw new DomainError('conflict', IdentityErrors.IDENTITY_DUPLICATE_ENROLLMENT, `id: enrollment ${id} already exists`, { field: 'id', reason: 'already exists' });
    }
    const d = input.descriptive;
    const row = {
      id, detainee_id: detainee.id, agency_code: ctx.principal.agencyCode, officer: input.officer, station: input.station, captured_at: input.capturedAt ?? now,
      templates: toBlob(packed), qualities: JSON.stringify(MODALITIES.map((m) => templates.find((t) => t.modality === m)?.quality ?? null)),
      name_ar: names.nameAr ?? detainee.name_ar, name_latin: names.nameLatin ?? detainee.name_latin, aliases: JSON.stringify(names.aliases),
      birth_date: d.birthDate, birth_year: d.birthYear ?? (d.birthDate ? Number(d.birthDate.slice(0, 4)) : null), birth_place: d.birthPlace,
      nationality: d.nationality, languages: JSON.stringify(d.languages), source: 'capture' as const, marking_id: detainee.marking_id, created_at: now,
    };
    await insertEnrollments(trx, [row]);
    const before = await countCandidates(trx, scope, 'pending');
    const index = opts.index ? await opts.index.current(trx, 1) : null;
    let g: Gallery;
    let me: number;
    let near: number[];
    if (index) {
      const hits = index.searchIds(probe, ARRIVAL_K);
      g = await loadGalleryRows(trx, [id, ...hits.map((h) => h.id)]);
      me = g.ids.indexOf(id);
      near = hits.map((h) => g.ids.indexOf(h.id)).filter((j) => j >= 0 && j !== me);
      method = 'index';
    } else {
      g = await loadGallery(trx);
      me = g.ids.indexOf(id);
      near = neighbours(g, me, ARRIVAL_K);
      method = 'exact';
    }
    const pairs = near.map((j) => scorePair(g, me, j));
    await queuePairs(trx, g, pairs, { source: 'arrival', now });
    const candidates = (await countCandidates(trx, scope, 'pending')) - before;
    await ctx.audit.record(trx, { action: 'identity.enroll', subjectType: 'enrollment', subjectId: id, details: { detaineeId: detainee.id, modalities: templates.map((t) => t.modality), candidates, search: method } });
    const [stored] = await selectEnrollments(trx, scope, { ids: [id] });
    const marking = (await markingTexts(trx, [detainee.marking_id])).get(detainee.marking_id) ?? 'U';
    return { enrollment: presentEnrollment(stored!, marking), candidates, id };
  });
  if (opts.index) {
    if (method === 'index') opts.index.added([result.id], probe);
    else await opts.index.refresh(ctx.db);
  }
  return { enrollment: result.enrollment, candidates: result.candidates };
}

