import { notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { custodySubject } from '../registry/index.js';
import { formatTlogProof } from './checkpoint.js';
import { BUNDLE_FORMAT, type TBundle } from './custody.schemas.js';
import { historyOf } from './history.js';
import { keyByName } from './keys.store.js';
import { corrupt } from './log.js';
import { inclusionProof, proofCheckpoint } from './log-proofs.js';
import { entryAt } from './log.store.js';

/**
 * The detainee bundle (sallyport.custody.bundle/1): the detainee's logged events exactly as logged, each
 * with a tlog-proof against the newest signed checkpoint, the log's verifier key and the verifier keys of
 * every agency that signed. `checkBundle` (or anyone's verifier written from the format page) checks it
 * with no database and no network. Requires `custody:read`; a detainee the caller may not see is "not found".
 * @throws DomainError NOT_FOUND, CUSTODY_NO_CHECKPOINT.
 */
export async function exportBundle(ctx: Ctx, isn: string): Promise<TBundle> {
  requirePermission(ctx.principal, 'custody:read');
  const detainee = await custodySubject(ctx, isn);
  const cp = await proofCheckpoint(ctx.db);
  const history = (await historyOf(ctx.db, detainee.id)).filter((h) => h.index < cp.size);
  const logKey = await keyByName(ctx.db, cp.keyName);
  if (!logKey) throw corrupt('the newest checkpoint names no published log key');
  const agencies: Record<string, string> = {};
  const entries: TBundle['entries'] = [];
  for (const h of history) {
    for (const s of h.event.signatures) {
      const k = agencies[s.key] === undefined ? await keyByName(ctx.db, s.key) : undefined;
      if (k) agencies[s.key] = k.verifier;
    }
    const proof = await inclusionProof(ctx.db, h.index, cp.size);
    entries.push({ index: h.index, event: JSON.parse(h.leafData.toString('utf8')) as Record<string, unknown>, proof: formatTlogProof({ index: h.index, proof, checkpoint: cp.note }) });
  }
  await ctx.audit.record(ctx.db, { action: 'custody.bundle.export', subjectType: 'detainee', subjectId: detainee.id, details: { entries: entries.length, size: cp.size } });
  return { format: BUNDLE_FORMAT, log: logKey.verifier, agencies, detainee: detainee.isn, entries };
}

/**
 * The tlog-proof of one entry against the newest checkpoint, if the caller may see its detainee. Requires
 * `custody:read`. @throws DomainError NOT_FOUND (no such entry, or unseen), CUSTODY_NO_CHECKPOINT.
 */
export async function entryProof(ctx: Ctx, index: number): Promise<string> {
  requirePermission(ctx.principal, 'custody:read');
  const entry = Number.isSafeInteger(index) && index >= 0 ? await entryAt(ctx.db, index) : undefined;
  if (!entry) throw notFound('entry', String(index));
  await custodySubject(ctx, entry.detaineeId).catch(() => {
    throw notFound('entry', String(index));
  });
  const cp = await proofCheckpoint(ctx.db);
  if (index >= cp.size) throw notFound('entry', String(index));
  await ctx.audit.record(ctx.db, { action: 'custody.proof.read', subjectType: 'detainee', subjectId: entry.detaineeId, details: { index } });
  return formatTlogProof({ index, proof: await inclusionProof(ctx.db, index, cp.size), checkpoint: cp.note });
}
