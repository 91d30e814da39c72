import type { Prng } from './prng.js';
import { NATIONS } from './nationalities.js';
import { mark } from './cast.js';
import type { TScenarioRepatriation } from './repatriation.schemas.js';

/**
 * Where talks with each country of origin stand when the scenario opens: a status reached step by step over
 * the year before the crisis, the conditions of those that accepted or negotiate, and the engagement log behind
 * it (notes verbales, meetings, requests and answers). Drawn from its own stream, so every other record stays
 * as it was. Syria is not a country of origin here: its nationals are held at home.
 */

const DAY_MS = 86_400_000;
/** The diplomatic ministry keeps the log; its country originates the markings. */
const ORIGINATOR = 'USA';
const HOME = 'SYR';
/** Iraq is negotiating the return of its nationals in every scenario (its agencies receive them). */
const FIXED: Readonly<Record<string, TScenarioRepatriation['status']>> = { IRQ: 'negotiating' };
const STATUSES = ['not-contacted', 'contacted', 'negotiating', 'declined', 'accepted'] as const;
const WEIGHTS = [0.3, 0.25, 0.2, 0.1, 0.15];
/** Countries that, in public reporting, took back mostly children, or women and children. */
const CAUTIOUS = new Set(['FRA', 'DEU', 'GBR', 'BEL', 'NLD', 'SWE', 'DNK', 'NOR', 'FIN', 'AUT', 'ESP', 'ITA', 'CHE', 'AUS', 'CAN', 'IRL']);
/** The path to each status from not-contacted. */
const PATHS: Readonly<Record<(typeof STATUSES)[number], readonly TScenarioRepatriation['status'][]>> = {
  'not-contacted': [],
  contacted: ['contacted'],
  negotiating: ['contacted', 'negotiating'],
  declined: ['contacted', 'declined'],
  accepted: ['contacted', 'negotiating', 'accepted'],
};

function conditionsFor(rng: Prng, country: string, status: TScenarioRepatriation['status']): TScenarioRepatriation['conditions'] {
  if (status !== 'accepted' && status !== 'negotiating') return [];
  if (CAUTIOUS.has(country)) return [rng.chance(0.5) ? 'children-only' : 'women-and-children', ...(rng.chance(0.5) ? ['identity-confirmed' as const] : [])];
  return rng.chance(0.4) ? ['prosecution-assurances'] : [];
}

type Engagement = TScenarioRepatriation['engagements'][number];

/** The entry with its keys in schema order, so the serializer writes it as built. */
function ordered(e: Engagement): Engagement {
  return { kind: e.kind, at: e.at, summary: e.summary, counterpart: e.counterpart, reference: e.reference, outcome: e.outcome, dueBy: e.dueBy, marking: e.marking };
}

function engagementFor(step: TScenarioRepatriation['status'], country: string, at: string, n: number): Engagement {
  const marking = mark(`C//REL TO ${ORIGINATOR}, ${country}`);
  const ref = `NV-${country}-${String(n).padStart(3, '0')}`;
  const base = { at, counterpart: `Ministry of Foreign Affairs of ${country}`, reference: ref, outcome: null, dueBy: null, marking };
  switch (step) {
    case 'contacted':
      return { ...base, kind: 'note-verbale', summary: 'Note verbale informing of nationals held in north-east Syria and requesting consular contact' };
    case 'negotiating':
      return { ...base, kind: 'meeting', summary: 'Meeting with the embassy on identification and return of nationals', reference: null };
    case 'declined':
      return { ...base, kind: 'answer', summary: 'Answer: the government declines repatriation at this stage', outcome: 'declined' };
    case 'accepted':
      return { ...base, kind: 'answer', summary: 'Answer: the government agrees to repatriate its nationals under conditions', outcome: 'accepted-with-conditions' };
    case 'not-contacted':
    case 'repatriating':
    case 'completed':
      return { ...base, kind: 'meeting', summary: `Talks: ${step}` };
  }
}

/** The country-of-origin records, one per nationality of the scenario but Syria, in the data table's order. */
export function* repatriationRecords(rng: Prng, epochMs: number): Generator<TScenarioRepatriation, void, undefined> {
  for (const n of NATIONS) {
    if (n.code === HOME) continue;
    const status = FIXED[n.code] ?? rng.weighted(STATUSES, WEIGHTS);
    const path = PATHS[status as (typeof STATUSES)[number]] ?? [];
    let t = epochMs - rng.int(200, 320) * DAY_MS;
    let from: TScenarioRepatriation['status'] = 'not-contacted';
    const history: TScenarioRepatriation['history'] = [];
    const engagements: Engagement[] = [];
    for (const step of path) {
      t += rng.int(15, 60) * DAY_MS;
      const at = new Date(t).toISOString();
      history.push({ from, to: step, at });
      engagements.push(ordered(engagementFor(step, n.code, at, engagements.length + 1)));
      from = step;
    }
    if (status === 'contacted' || status === 'negotiating') {
      // An open request: the answer falls due a few weeks into the operation.
      t += rng.int(5, 30) * DAY_MS;
      const due = new Date(epochMs + rng.int(20, 80) * DAY_MS).toISOString().slice(0, 10);
      engagements.push({
        kind: 'request', at: new Date(Math.min(t, epochMs)).toISOString(), summary: 'Request for a decision on the return of nationals held',
        counterpart: `Ministry of Foreign Affairs of ${n.code}`, reference: `NV-${n.code}-${String(engagements.length + 1).padStart(3, '0')}`, outcome: null, dueBy: due,
        marking: mark(`C//REL TO ${ORIGINATOR}, ${n.code}`),
      });
    }
    yield {
      type: 'repatriation', country: n.code, status, conditions: conditionsFor(rng, n.code, status), marking: mark(`C//REL TO ${ORIGINATOR}, ${n.code}`),
      originator: ORIGINATOR, history, engagements,
    };
  }
}
