import type { IdGenerator } from '../kernel/index.js';
import { mark } from './cast.js';
import type { PrisonPlan } from './cast.js';
import type { Prng } from './prng.js';
import { HOLDING_FORCE_CODE, MILITARY_CODE, RECEIVER_CODE } from './reference.data.js';
import type { TScenarioAgreement, TScenarioBreach, TScenarioConflictEvent, TScenarioIndicator } from './warning.schemas.js';

/**
 * The early-warning history of the scenario, on its own PRNG stream: conflict events from the assessment in
 * late October until a few days after the last prison falls; weekly observations of each prison's indicators
 * (daily in a falling prison's last two weeks); the prisons that fall (one or two, chosen by their assessed
 * risk, the first a few days into the airlift); and the transfer agreements. Around a prison that will fall,
 * fighting spreads and grows in the weeks before, guards desert, the ground is contested then lost and supply
 * stops; elsewhere a decoy flare-up dies down without a fall, so a ranking that merely follows fighting is not
 * always right.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The airlift starts 70 days and 6 hours after the epoch (see cast.ts). */
const AIRLIFT_DAY = 70;

interface Env {
  rng: Prng;
  ids: IdGenerator;
  epochMs: number;
  prisons: readonly PrisonPlan[];
  detainees: number;
}

/** A prison's story: when it falls (day after the epoch), or whether it flares up and calms down. */
interface Story {
  prison: PrisonPlan;
  fallDay: number | null;
  flare: { from: number; to: number } | null;
}

const ACTORS = {
  insurgents: 'Insurgent Cells (Syria)',
  force: 'North-East Security Forces',
  unknown: 'Unidentified Armed Group (Syria)',
  rioters: 'Rioters (Syria)',
  protesters: 'Protesters (Syria)',
  civilians: 'Civilians (Syria)',
};

const PUBLIC = 'U';
const REPORTING = mark('S//REL TO IRQ, USA');
const SITE_MARK = mark('C//REL TO IRQ, SYR, USA');
// The parties (holding force, receiving government, airlift command) and the observer whose access it assures.
const AGREEMENT_MARK = mark('C//REL TO CHE, IRQ, SYR, USA');
const round = (x: number, places: number) => Number(x.toFixed(places));
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function stories(rng: Prng, prisons: readonly PrisonPlan[]): Story[] {
  const order = prisons.map((p) => ({ p, key: rng.next() ** (1 / Math.max(0.01, p.risk)) })).sort((a, b) => b.key - a.key).map((x) => x.p);
  const falls = prisons.length >= 3 ? 2 : prisons.length >= 1 ? 1 : 0;
  const first = AIRLIFT_DAY + rng.int(2, 5);
  return prisons.map((prison) => {
    const rank = order.indexOf(prison);
    const fallDay = rank < falls ? first + rank * rng.int(5, 9) : null;
    const flare = rank === falls && prisons.length > falls ? { from: rng.int(40, 50), to: rng.int(58, 66) } : null;
    return { prison, fallDay, flare };
  });
}

/** A point `km` from a site on a random bearing. */
function near(rng: Prng, at: { lat: number; lon: number }, km: number): { latitude: number; longitude: number } {
  const b = rng.next() * 2 * Math.PI;
  return { latitude: round(at.lat + (km / 111) * Math.cos(b), 4), longitude: round(at.lon + (km / (111 * Math.cos((at.lat * Math.PI) / 180))) * Math.sin(b), 4) };
}

/** Events a day near one prison: background, a flare-up, or the build-up to its fall. */
function rateOn(s: Story, d: number): number {
  const spread = d >= 55 ? 0.25 : 0.08; // fighting spreads in early January
  if (s.fallDay !== null && d <= s.fallDay) return spread + 4 * Math.max(0, 1 - (s.fallDay - d) / 28) ** 2;
  if (s.flare && d >= s.flare.from && d <= s.flare.to) return spread + 1.6;
  return s.fallDay !== null && d > s.fallDay ? 0.6 : spread;
}

function poisson(rng: Prng, mean: number): number {
  let n = 0;
  for (let t = rng.next(); t > Math.exp(-mean); t *= rng.next()) n++;
  return n;
}

function eventOn(env: Env, s: Story, d: number, n: number): TScenarioConflictEvent {
  const { rng } = env;
  const closing = s.fallDay !== null && d <= s.fallDay ? 1 - (s.fallDay - d) / 28 : s.flare ? 0.4 : 0;
  const pick = rng.next();
  const [eventType, subEventType, actor1, actor2] =
    d === s.fallDay ? ['Battles', 'Non-state actor overtakes territory', ACTORS.insurgents, ACTORS.force]
      : pick < 0.45 ? ['Battles', 'Armed clash', ACTORS.insurgents, ACTORS.force]
        : pick < 0.65 ? ['Explosions/Remote violence', rng.pick(['Remote explosive/landmine/IED', 'Shelling/artillery/missile attack', 'Suicide bomb']), ACTORS.insurgents, ACTORS.force]
          : pick < 0.8 ? ['Violence against civilians', 'Attack', ACTORS.unknown, ACTORS.civilians]
            : pick < 0.9 ? ['Riots', 'Mob violence', ACTORS.rioters, null]
              : ['Protests', 'Peaceful protest', ACTORS.protesters, null];
  const km = closing > 0 ? 2 + rng.next() * (45 - 35 * closing) : 5 + rng.next() * 90;
  const fatal = eventType === 'Battles' || eventType === 'Explosions/Remote violence' ? poisson(rng, 1 + 6 * closing) : eventType === 'Violence against civilians' ? poisson(rng, 1) : 0;
  const at = env.epochMs + d * DAY_MS;
  return {
    type: 'conflictEvent', id: env.ids(at), sourceId: `SYR${String(100_000 + n)}`, eventDate: day(at), eventType, subEventType, actor1, actor2,
    country: 'Syria', admin1: s.prison.lon < 39.9 ? 'Ar-Raqqa' : 'Al-Hasakeh', location: `near ${s.prison.name.replace(/ prison.*$/i, '')}`,
    ...near(rng, s.prison, km), fatalities: fatal, notes: `${subEventType.toLowerCase()} reported ${km.toFixed(0)} km from the prison`,
    marking: closing > 0.5 && rng.chance(0.25) ? REPORTING : PUBLIC, originator: 'USA',
  };
}

interface Watch {
  guards: number;
  resupply: number;
  day: number;
}

function indicator(env: Env, s: Story, d: number, last: Watch): TScenarioIndicator {
  const { rng } = env;
  const falling = s.fallDay !== null ? Math.max(0, 1 - (s.fallDay - d) / 21) : 0;
  const flaring = s.flare && d >= s.flare.from && d <= s.flare.to ? 0.35 : 0;
  const stress = Math.max(falling, flaring);
  const desertions = poisson(rng, stress * 0.06 * last.guards);
  last.guards = Math.max(0, last.guards - desertions);
  // Under siege, nothing gets in: the count runs on; otherwise convoys come every week or so.
  last.resupply = stress > 0.5 ? last.resupply + (d - last.day) : rng.int(0, 10);
  last.day = d;
  return {
    type: 'indicator', facility: s.prison.code, observedAt: new Date(env.epochMs + d * DAY_MS + 9 * HOUR_MS).toISOString(),
    guardStrength: last.guards, daysSinceResupply: last.resupply, riots: poisson(rng, 0.2 + 2 * stress), escapeAttempts: poisson(rng, 0.1 + 1.5 * stress),
    guardDesertions: desertions, areaControl: stress > 0.7 ? 'hostile' : stress > 0.3 ? 'contested' : 'holding-force', marking: SITE_MARK, originator: 'USA',
  };
}

function agreements(env: Env): TScenarioAgreement[] {
  const at = (d: number, h = 10) => new Date(env.epochMs + d * DAY_MS + h * HOUR_MS).toISOString();
  const perDay = Math.max(100, Math.ceil(env.detainees / 3 / 50) * 50);
  const assurances: TScenarioAgreement['assurances'] = [
    { kind: 'humanitarian-access', text: 'The humanitarian observer may visit any transferred detainee, in private, on 48 hours\' notice.' },
    { kind: 'humane-treatment', text: 'Detention conditions and treatment in keeping with international standards; no ill-treatment.' },
    { kind: 'no-onward-transfer-without-consent', text: 'No transfer to a third state without the written consent of the sending parties.' },
  ];
  const parties = { holdingAgency: HOLDING_FORCE_CODE, airliftAgency: MILITARY_CODE, destination: 'BIAP', marking: AGREEMENT_MARK, originator: 'USA' };
  return [
    {
      type: 'agreement', id: env.ids(env.epochMs + 5 * DAY_MS), code: 'TA-PILOT-01', title: 'Pilot transfer of Iraqi nationals', receivingAgency: RECEIVER_CODE, ...parties,
      validFrom: day(env.epochMs + 20 * DAY_MS), validTo: day(env.epochMs + 65 * DAY_MS), perDay: 60, nationalityQuotas: { IRQ: 60 }, assurances,
      conditions: [{ kind: 'observer-present', text: 'The humanitarian observer attends each arrival.' }],
      history: [
        { at: at(5), to: 'draft', by: 'diplo.s', note: null }, { at: at(9), to: 'negotiating', by: 'diplo.s', note: null },
        { at: at(18), to: 'signed', by: 'diplo.s', note: 'signed for a pilot of sixty a day' },
        { at: at(49), to: 'suspended', by: 'diplo.s', note: 'the observer was refused access at the receiving facility' },
      ],
    },
    {
      type: 'agreement', id: env.ids(env.epochMs + 30 * DAY_MS), code: 'TA-MAIN-02', title: 'Transfer of detainees held in north-east Syria to the receiving facility', receivingAgency: RECEIVER_CODE, ...parties,
      validFrom: day(env.epochMs + 60 * DAY_MS), validTo: day(env.epochMs + 150 * DAY_MS), perDay, nationalityQuotas: { IRQ: Math.round(perDay * 0.7), SYR: Math.round(perDay * 0.2) },
      assurances: [...assurances, { kind: 'consular-access', text: 'Consular access for foreign nationals on request.' }],
      conditions: [
        { kind: 'observer-present', text: 'The humanitarian observer attends arrivals.' },
        { kind: 'manifest-notice-hours', text: 'Manifests reach the receiving government 12 hours before each arrival.', value: 12 },
        { kind: 'medical-screening', text: 'Every arrival is screened by a medic within 24 hours.' },
      ],
      history: [
        { at: at(30), to: 'draft', by: 'diplo.s', note: null }, { at: at(36), to: 'negotiating', by: 'diplo.s', note: null },
        { at: at(58, 16), to: 'signed', by: 'diplo.s', note: 'signed at the ministry; quotas per day and per nationality' },
      ],
    },
    {
      type: 'agreement', id: env.ids(env.epochMs + 62 * DAY_MS), code: 'TA-FTF-03', title: 'Foreign nationals pending repatriation', receivingAgency: 'IRQ-MOJ', ...parties,
      validFrom: day(env.epochMs + 80 * DAY_MS), validTo: null, perDay: 40, nationalityQuotas: {}, assurances: assurances.slice(0, 2),
      conditions: [{ kind: 'daylight-arrivals', text: 'Arrivals between 06:00 and 18:00 local time.' }],
      history: [{ at: at(62), to: 'draft', by: 'diplo.s', note: null }, { at: at(66), to: 'negotiating', by: 'diplo.s', note: 'no-onward-transfer assurance still open' }],
    },
  ];
}

/** The warning and agreement records, in file order: events by date, indicators, breaches, agreements. */
export function* warningRecords(env: Env): Generator<TScenarioConflictEvent | TScenarioIndicator | TScenarioBreach | TScenarioAgreement, void, undefined> {
  const story = stories(env.rng.fork('stories'), env.prisons);
  const lastFall = Math.max(AIRLIFT_DAY, ...story.map((s) => s.fallDay ?? 0));
  const eventRng = env.rng.fork('events');
  let n = 0;
  for (let d = 0; d <= lastFall + 3; d++) {
    for (const s of story) {
      const count = poisson(eventRng, rateOn(s, d)) + (d === s.fallDay ? 1 : 0);
      for (let i = 0; i < count; i++) {
        yield eventOn({ ...env, rng: eventRng }, s, d, n++);
      }
    }
  }
  const obsRng = env.rng.fork('indicators');
  for (const s of story) {
    const state: Watch = { guards: Math.max(12, Math.round(s.prison.population / 8)), resupply: 0, day: 0 };
    for (let d = 0; d <= (s.fallDay ?? lastFall); d++) {
      const weekly = d % 7 === 3;
      const close = s.fallDay !== null && s.fallDay - d <= 14;
      if (weekly || close) yield indicator({ ...env, rng: obsRng }, s, d, state);
    }
  }
  for (const s of story) {
    if (s.fallDay === null) continue;
    yield {
      type: 'breach', facility: s.prison.code, at: new Date(env.epochMs + s.fallDay * DAY_MS + (14 + env.rng.int(0, 8)) * HOUR_MS).toISOString(),
      note: 'the perimeter was overrun; the guard force withdrew', marking: SITE_MARK, originator: 'USA',
    };
  }
  yield* agreements(env);
}
