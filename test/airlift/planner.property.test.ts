import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/kernel/index.js';
import { checkPlan, planInstance } from '../../src/airlift/index.js';
import { arbInstance, arbNationalInstance } from './arbitraries.js';
import { nationalityOf } from '../../src/airlift/nationality.js';

// Random small instances: every plan keeps all 18 rules (by the same checker as `airlift check`), moves every
// detainee exactly once or declares it undelivered, and its bound never exceeds its value.

describe('airlift planner (property)', () => {
  it('plans that keep every rule, move each detainee once, and are bounded from below', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, async (instance) => {
        let plan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          // Refusal is allowed only with the binding constraint named.
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE' && typeof e.details.constraint === 'string').toBe(true);
          return;
        }
        const result = checkPlan(plan);
        expect(result.violations).toEqual([]);
        const undelivered = new Set((plan['x-undelivered'] ?? []).map((u) => u.id));
        for (const d of instance.detainees) {
          const boardings = plan.legs.filter((l) => l.board.includes(d.id) && l.from === d.site).length;
          expect(boardings + (undelivered.has(d.id) ? 1 : 0)).toBe(1);
        }
        expect(plan.bound.expectedLoss).toBeLessThanOrEqual(plan.objective.expectedLoss + 1e-9);
        if (plan.objective.completionHours !== null) expect(plan.bound.completionHours).toBeLessThanOrEqual(plan.objective.completionHours + 1 / 60);
      }),
      { numRuns: 60, seed: 20270105 },
    );
  });
  it('stays bounded from below when helicopters must refuel every trip or two (the bound charges refuelling)', async () => {
    // Short range and long refuels: the bound's aircraft-time rows charge each trip its share of a refuelling stop.
    const refuelling = arbInstance.map((i) => ({
      ...i,
      aircraftTypes: i.aircraftTypes.map((t) => (t.canLandAt.includes('origin') ? { ...t, rangeKm: 460, refuelMinutes: 45 } : t)),
    }));
    await fc.assert(
      fc.asyncProperty(refuelling, async (instance) => {
        let plan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE' && typeof e.details.constraint === 'string').toBe(true);
          return;
        }
        expect(checkPlan(plan).violations).toEqual([]);
        expect(plan.bound.expectedLoss).toBeLessThanOrEqual(plan.objective.expectedLoss + 1e-9);
      }),
      { numRuns: 30, seed: 20270108 },
    );
  });
  it('keeps random per-nationality daily quotas (extension rule x-1) as the checker sees them', async () => {
    await fc.assert(
      fc.asyncProperty(arbNationalInstance, async (instance) => {
        let plan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE' && typeof e.details.constraint === 'string').toBe(true);
          // A refusal over nationality names the nationality and the agreement, and only happens at quota 0.
          if (isDomainError(e) && String(e.details.reason).startsWith('nationality ')) {
            const nat = String(e.details.reason).split(' ')[1]!;
            const quotas = (instance['x-nationalityQuotas'] as { nationality: string; perDay: number; agreement: string }[]).filter((q) => q.nationality === nat && q.perDay === 0);
            expect(quotas.length).toBeGreaterThan(0);
            expect(String(e.details.reason)).toContain(quotas[0]!.agreement);
            expect(instance.detainees.some((d) => nationalityOf(d) === nat)).toBe(true);
          }
          return;
        }
        expect(checkPlan(plan).violations).toEqual([]);
        const undelivered = new Set((plan['x-undelivered'] ?? []).map((u) => u.id));
        for (const d of instance.detainees) {
          const boardings = plan.legs.filter((l) => l.board.includes(d.id) && l.from === d.site).length;
          expect(boardings + (undelivered.has(d.id) ? 1 : 0)).toBe(1);
        }
      }),
      { numRuns: 40, seed: 20270106 },
    );
  });
});
