import { formatMarking, isDomainError } from '../kernel/index.js';
import { requirePermission, type Ctx, type OutcomeSource } from '../access/index.js';
import { ZOutcomesQuery, type TOutcomeFigure, type TOutcomes, type TOutcomesQuery } from './coordination.schemas.js';
import { bannerOfTexts, endOfDay } from './present.js';
import { OUTCOME_SOURCES } from './sources.js';

/** Progress of a report over its sources: `done` of `total` sources asked, the last one named. */
export type SourceProgress = (p: { done: number; total: number; source: string }) => void;

/** Every outcome source's figures as of `asOf`, each marked; sources that refuse the caller's roles are omitted. */
export async function collectFigures(ctx: Ctx, asOf: string, opts: { sources?: readonly OutcomeSource[]; onProgress?: SourceProgress } = {}): Promise<{ areas: TOutcomes['areas']; omitted: string[] }> {
  const sources = opts.sources ?? OUTCOME_SOURCES;
  const areas: TOutcomes['areas'] = [];
  const omitted: string[] = [];
  for (const [i, source] of sources.entries()) {
    opts.onProgress?.({ done: i, total: sources.length, source: source.name });
    try {
      const figures: TOutcomeFigure[] = (await source.figures(ctx, asOf)).map((f) => ({
        key: f.key, label: f.label, value: f.value, marking: formatMarking(f.marking),
        ...(f.unit !== undefined ? { unit: f.unit } : {}), ...(f.series ? { series: f.series } : {}),
      }));
      areas.push({ area: source.area, source: source.name, figures });
    } catch (e) {
      if (isDomainError(e) && e.kind === 'forbidden') omitted.push(source.name);
      else throw e;
    }
  }
  opts.onProgress?.({ done: sources.length, total: sources.length, source: '' });
  return { areas, omitted };
}

/**
 * The outcome dashboard: the operation's figures over time from every module's outcome source (moved vs
 * remaining per site, exposure averted, custody integrity, enrollment, case readiness, repatriation and camp
 * progress — whichever sources exist), each computed only from what the caller may see, with the banner of
 * them all. Requires `coordination:read`. Audited.
 */
export async function outcomeDashboard(ctx: Ctx, raw: TOutcomesQuery = {}, opts: { onProgress?: SourceProgress } = {}): Promise<TOutcomes> {
  requirePermission(ctx.principal, 'coordination:read');
  const q = ZOutcomesQuery.parse(raw);
  const asOf = q.asOf ? endOfDay(q.asOf) : ctx.clock.now().toISOString();
  const { areas, omitted } = await collectFigures(ctx, asOf, opts);
  const { marking, banner } = bannerOfTexts(areas.flatMap((a) => a.figures.map((f) => f.marking)));
  await ctx.audit.record(ctx.db, { action: 'coordination.outcomes', subjectType: 'outcomes', details: { asOf, figures: areas.reduce((n, a) => n + a.figures.length, 0), omitted } });
  return { asOf, areas, omitted, marking, banner };
}
