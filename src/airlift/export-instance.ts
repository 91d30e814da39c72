import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { DomainError } from '../kernel/index.js';
import { planningConstraints } from '../agreements/index.js';
import { planningHazards } from '../warning/index.js';
import { AirliftErrors } from './airlift.errors.js';
import type { TAirliftInstance } from './airlift.schemas.js';
import { buildInstance, type InstanceOptions } from './build-instance.js';
import { readInstanceSource } from './instance.store.js';

/**
 * The loaded scenario as a planning instance, limited to what the caller may see: a planner never plans
 * people it cannot see. Origins' hazards come from the early-warning model where it has data, quotas from the
 * signed agreements in force at the start (docs/warning.md). Requires `airlift:plan`. Audited with the number of detainees exported.
 * @throws DomainError FORBIDDEN without `airlift:plan`; AIRLIFT_INFEASIBLE when the caller sees no detainee, destination or aircraft.
 */
export async function exportInstance(ctx: Ctx, opts: InstanceOptions = {}): Promise<TAirliftInstance> {
  requirePermission(ctx.principal, 'airlift:plan');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const source = await readInstanceSource(ctx.db, scope);
  const kinds = new Set(source.facilities.map((f) => f.kind));
  if (source.detainees.length === 0 || !kinds.has('destination') || source.aircraft.length === 0) {
    const missing = source.detainees.length === 0 ? 'no detainee' : !kinds.has('destination') ? 'no destination' : 'no aircraft';
    throw new DomainError('invalid', AirliftErrors.AIRLIFT_INFEASIBLE, `nothing to plan: the caller may see ${missing}`, { reason: `${missing} visible to the caller`, constraint: 'access scope' });
  }
  // Hazards from the early-warning model and quotas from signed agreements, both as of the instance's start.
  const { start } = buildInstance(source, opts);
  const instance = buildInstance(source, { ...opts, hazards: await planningHazards(ctx, start), agreements: await planningConstraints(ctx, start) });
  await ctx.audit.record(ctx.db, { action: 'airlift.instance', subjectType: 'airlift', details: { detainees: instance.detainees.length, nodes: instance.nodes.length } });
  return instance;
}
