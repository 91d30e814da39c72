import { bannerOf, parseMarking, UNCLASSIFIED } from '../kernel/index.js';
import { markingTexts, scopeFor, type AgendaSource, type OutcomeSource } from '../access/index.js';
import { countCandidates, selectCandidates } from './candidate.store.js';
import { countEnrollments } from './enrollment.store.js';

async function bannerOfIds(db: Parameters<typeof markingTexts>[0], ids: readonly number[]) {
  const texts = await markingTexts(db, ids);
  return ids.length === 0 ? UNCLASSIFIED : bannerOf([...texts.values()].map((t) => parseMarking(t)));
}

/** Agenda: candidate pairs queued in the window and still awaiting adjudication (only pairs the caller may see). */
export const identityAgendaSource: AgendaSource = {
  name: 'identity.pending-adjudications',
  async items(ctx, window) {
    const scope = await scopeFor(ctx.db, ctx.principal);
    const rows = await selectCandidates(ctx.db, scope, { status: 'pending', since: window.since, until: window.until, limit: 200 });
    const texts = await markingTexts(ctx.db, rows.flatMap((r) => [r.left_marking, r.right_marking]));
    return rows.map((r) => ({
      section: 'identity' as const,
      title: `Possible duplicate enrollment awaiting adjudication (score ${r.score.toFixed(1)})`,
      detail: r.biometric === null ? 'names only' : `biometric similarity ${r.biometric.toFixed(2)}`,
      severity: r.biometric !== null && r.biometric >= 0.5 ? ('warning' as const) : ('info' as const),
      at: r.created_at,
      ref: { kind: 'identity-candidate', id: r.id },
      marking: bannerOf([parseMarking(texts.get(r.left_marking) ?? 'U'), parseMarking(texts.get(r.right_marking) ?? 'U')]),
    }));
  },
};

/** Outcome: enrollments stored and adjudications pending, as of a date, each with the banner of what it counts. */
export const identityOutcomeSource: OutcomeSource = {
  name: 'identity.enrollment',
  area: 'identity',
  async figures(ctx, asOf) {
    const scope = await scopeFor(ctx.db, ctx.principal);
    const enrolled = await countEnrollments(ctx.db, scope, asOf);
    const pendingRows = await selectCandidates(ctx.db, scope, { status: 'pending', until: asOf });
    const pending = await countCandidates(ctx.db, scope, 'pending');
    return [
      { key: 'identity.enrolled', label: 'Enrolled (biometric records)', value: enrolled.count, marking: await bannerOfIds(ctx.db, enrolled.markingIds) },
      {
        key: 'identity.pending-adjudications', label: 'Candidate duplicates awaiting adjudication', value: Math.min(pending, pendingRows.length),
        marking: await bannerOfIds(ctx.db, pendingRows.flatMap((r) => [r.left_marking, r.right_marking])),
      },
    ];
  },
};
