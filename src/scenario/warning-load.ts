import type { Ctx } from '../access/index.js';
import { seedAgreements, type SeedAgreement } from '../agreements/index.js';
import type { Db } from '../store/index.js';
import { seedWarning, type WarningSeed } from '../warning/index.js';
import type { TScenarioAgreement, TScenarioBreach, TScenarioConflictEvent, TScenarioIndicator } from './warning.schemas.js';

/** The scenario's warning and agreement records, gathered while loading and stored once the sites exist. */
export interface WarningBag extends WarningSeed {
  agreements: SeedAgreement[];
}

export function warningBag(): WarningBag {
  return { events: [], indicators: [], breaches: [], agreements: [] };
}

/** Keeps one record for `loadWarning`. */
export function collectWarning(bag: WarningBag, r: TScenarioConflictEvent | TScenarioIndicator | TScenarioBreach | TScenarioAgreement): void {
  switch (r.type) {
    case 'conflictEvent': {
      const { type: _t, ...e } = r;
      bag.events.push({ ...e, admin2: null, admin3: null });
      return;
    }
    case 'indicator': {
      const { type: _t, ...i } = r;
      bag.indicators.push({ ...i, population: null, capacity: null });
      return;
    }
    case 'breach': {
      const { type: _t, ...b } = r;
      bag.breaches.push(b);
      return;
    }
    case 'agreement': {
      const { type: _t, ...a } = r;
      bag.agreements.push(a);
      return;
    }
  }
}

/** Stores what was gathered, through the warning and agreements modules (alerts over the history included). */
export async function loadWarning(ctx: Ctx, db: Db, bag: WarningBag): Promise<void> {
  await seedWarning(ctx, db, bag);
  await seedAgreements(ctx, db, bag.agreements);
}
