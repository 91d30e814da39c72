import { formatMarking, isDomainError } from '../kernel/index.js';
import { requirePermission, type Ctx, type OutcomeSource } from '../access/index.js';
import { ZOutcomesQuery, type TOutcomeFigure, type TOutcomes, type TOutcomesQuery } from './coordination.schemas.js';
import { bannerOfTexts, endOfDay } from './present.js';
import { OUTCOME_SOURCES } from './sources.js';

/** Every outcome source's figures as of `asOf`, each marked; sources that refuse the caller's roles are omitted. */
export async function collectFigures(ctx: Ctx, asOf: string, sources: readonly OutcomeSource[] = OUTCOME_SOURCES): Promise<{ areas: TOutcomes['areas']; omitted: string[] }> {
  const areas: TOutcomes['areas'] = [];
  const omitted: string[] = [];
  for (const source of sources) {
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
  return { areas, omitted };
}

/**
 * The outcome dashboard: the operation's figures over time from every module's outcome source (moved vs
 * remaining per site, exposure averted, custody integrity, enrollment, case readiness, repatriation and camp
 * progress — whichever sources exist), each computed only from what the caller may see, with the banner of
 * them all. Requires `coordination:read`. Audited.
 */
export async function outcomeDashboard(ctx: Ctx, raw: TOutcomesQuery = {}): Promise<TOutcomes> {
  requirePermission(ctx.principal, 'coordination:read');
  const q = ZOutcomesQuery.parse(raw);
  const asOf = q.asOf ? endOfDay(q.asOf) : ctx.clock.now().toISOString();
  const { areas, omitted } = await collectFigures(ctx, asOf);
  const { marking, banner } = bannerOfTexts(areas.flatMap((a) => a.figures.map((f) => f.marking)));
  await ctx.audit.record(ctx.db, { action: 'coordination.outcomes', subjectType: 'outcomes', details: { asOf, figures: areas.reduce((n, a) => n + a.figures.length, 0), omitted } });
  return { asOf, areas, omitted, marking, banner };
}
