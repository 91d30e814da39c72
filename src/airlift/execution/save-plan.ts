import { internMarking, markingTexts, requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { bannerOf, DomainError, invalidMany, newId, notFound, parseMarking } from '../../kernel/index.js';
import { inTransaction } from '../../store/index.js';
import { AirliftErrors, AirliftExecutionErrors } from '../airlift.errors.js';
import { ZAirliftPlan, type TAirliftPlan } from '../airlift.schemas.js';
import type { TPlanSummary } from '../execution.schemas.js';
import { gapOf } from '../plan.js';
import { insertPlan, insertSorties, markingRows, planSummaryRow, visibleDetainees, type ManifestRow, type SortieRow } from './plans.store.js';
import { presentPlan } from './present.js';
import { sortiesOfPlan } from './sorties.js';

/** What is saved: a plan document, and for a re-plan its parent, the disruption and the diff. */
export interface SavePlanInput {
  plan: unknown;
  name?: string | undefined;
  parentId?: string;
  disruption?: unknown;
  diff?: unknown;
}

/** Parses a plan document. @throws DomainError AIRLIFT_INSTANCE_INVALID listing every problem. */
export function parsePlan(raw: unknown): TAirliftPlan {
  const parsed = ZAirliftPlan.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidMany(parsed.error.issues.slice(0, 50).map((i) => ({ field: `plan.${i.path.join('.')}`, reason: i.message })), AirliftErrors.AIRLIFT_INSTANCE_INVALID);
}

/**
 * Stores a plan for execution as a draft: the document, its figures, its sorties and manifests. Every
 * detainee must be a registered ISN the caller may see; the plan's marking is the banner of theirs, so only
 * those who may see all of them see the plan. Requires `airlift:plan`; audited.
 * @throws DomainError FORBIDDEN, AIRLIFT_INSTANCE_INVALID, AIRLIFT_UNKNOWN_DETAINEE, NOT_FOUND (parent).
 */
export async function savePlan(ctx: Ctx, input: SavePlanInput): Promise<TPlanSummary> {
  requirePermission(ctx.principal, 'airlift:plan');
  const plan = parsePlan(input.plan);
  const isns = plan.instance.detainees.map((d) => d.id);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const seen = await visibleDetainees(trx, scope, isns);
    const unknown = isns.filter((i) => !seen.has(i));
    if (unknown.length > 0) {
      throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_UNKNOWN_DETAINEE, `plan.instance.detainees: ${unknown.length} ids are not registered detainees you may see (first: ${unknown.slice(0, 5).join(', ')})`, {
        field: 'plan.instance.detainees', reason: 'not a registered detainee you may see', ids: unknown.slice(0, 20),
      });
    }
    let operationId: string | undefined;
    if (input.parentId !== undefined) {
      const parent = await planSummaryRow(trx, scope, input.parentId);
      if (!parent) throw notFound('plan', input.parentId);
      operationId = parent.operation_id;
    }
    // The plan carries the banner of everyone in it; each sortie only that of the people on it, so a partner
    // agency sees (and releases, and scans) the sorties of the people it may see.
    const texts = await markingRows(trx, [...new Set([...seen.values()].map((v) => v.markingId))]);
    const banners = new Map<string, number>();
    const bannerId = async (ids: readonly number[]): Promise<number> => {
      const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
      const known = banners.get(key);
      if (known !== undefined) return known;
      const parts = key.split(',').filter((k) => k !== '').map((k) => texts.get(Number(k)) ?? { text: 'U', originator: ctx.principal.country });
      // Records of one originator keep it (the holding force still sees what it originated); mixed ones take the planner's.
      const originators = new Set(parts.map((p) => p.originator));
      const originator = originators.size === 1 ? [...originators][0]! : ctx.principal.country;
      const id = await internMarking(trx, bannerOf(parts.map((p) => parseMarking(p.text))), originator);
      banners.set(key, id);
      return id;
    };
    const markingId = await bannerId([...seen.values()].map((v) => v.markingId));
    const now = ctx.clock.now().toISOString();
    const id = newId(ctx.clock.now().getTime());
    const planned = sortiesOfPlan(plan);
    const nodes = Object.fromEntries(plan.instance.nodes.map((n) => [n.id, { kind: n.kind, name: n.name }]));
    const row = {
      id, operation_id: operationId ?? id, name: input.name ?? plan.instance.name, status: 'draft', document: JSON.stringify(plan), nodes: JSON.stringify(nodes),
      detainees: isns.length, sorties: planned.length, expected_loss: plan.objective.expectedLoss, completion_hours: plan.objective.completionHours,
      flight_hours: plan.objective.flightHours, bound_loss: plan.bound.expectedLoss, bound_completion: plan.bound.completionHours, gap: gapOf(plan),
      parent_id: input.parentId ?? null, disruption: input.disruption === undefined ? null : JSON.stringify(input.disruption),
      diff: input.diff === undefined ? null : JSON.stringify(input.diff), created_by: ctx.principal.username, created_at: now,
      approved_by: null, approved_at: null, marking_id: markingId,
    };
    await insertPlan(trx, row, plan.instance.detainees.map((d) => ({ plan_id: id, isn: d.id, site: d.site, tier: d.tier, medical: d.medical ? 1 : 0, marking_id: seen.get(d.id)!.markingId })));
    const sorties: SortieRow[] = [];
    const manifests: ManifestRow[] = [];
    for (const s of planned) {
      const sid = newId(ctx.clock.now().getTime());
      const sortieMarking = await bannerId(s.manifest.map((m) => seen.get(m.isn)!.markingId));
      sorties.push({ id: sid, plan_id: id, operation_id: row.operation_id, label: s.label, aircraft: s.aircraft, from_node: s.from, to_node: s.to, depart: s.depart, arrive: s.arrive, status: 'planned', status_at: null, version: 1, marking_id: sortieMarking });
      for (const m of s.manifest) manifests.push({ sortie_id: sid, isn: m.isn, board_node: m.board, alight_node: m.alight, amended: 0, created_at: now, marking_id: seen.get(m.isn)!.markingId });
    }
    await insertSorties(trx, sorties, manifests);
    await ctx.audit.record(trx, { action: 'airlift.plan.save', subjectType: 'airlift-plan', subjectId: id, details: { detainees: isns.length, sorties: planned.length, parent: input.parentId ?? null } });
    const texts2 = await markingTexts(trx, [markingId]);
    return presentPlan(row, texts2.get(markingId) ?? 'U');
  });
}
