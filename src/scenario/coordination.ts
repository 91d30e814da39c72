import type { IdGenerator } from '../kernel/index.js';
import { mark, type PrisonPlan } from './cast.js';
import type { Prng } from './prng.js';
import type { TScenarioCoordinationCall } from './coordination.schemas.js';

/**
 * The daily interagency calls of the reference operation, on their own PRNG stream: one a day at 07:00 UTC
 * from the week fighting spreads (day 56 after the epoch) until three weeks into the airlift (day 92), with
 * who attended, a few decisions and action items each. Actions run their course: most are done by their due
 * date or soon after, a few are cancelled, and some are still open or in progress past their due date — the
 * overdue actions the agenda raises.
 */

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
const FIRST_DAY = 56;
const LAST_DAY = 92;
const SECRETARIAT = 'jtf.s';

// Every party to the transfer and the observer whose access it assures may read the minutes.
const CALL_MARK = mark('C//REL TO CHE, IRQ, SYR, USA');
// Threat reporting stays between the airlift command and the receiving government.
const THREAT_MARK = mark('S//REL TO IRQ, USA');

/** Who speaks for each agency on the call (synthetic people). */
const ROSTER: Record<string, readonly string[]> = {
  JTF: ['Col. Dana Whitfield', 'Maj. Owen Castell'],
  DIPLO: ['Ruth Ames', 'Philip Norland'],
  INTEL: ['K. Brandt'],
  'EMB-BGD': ['Laura Tessin'],
  'LE-ID': ['Agent Mark Ocampo'],
  HF: ['العقيد فارس الحسن (Col. Faris al-Hassan)', 'النقيب هيفاء درويش (Capt. Haifa Darwish)'],
  'IRQ-MOJ': ['القاضي سامر العبيدي (Judge Samer al-Obeidi)'],
  'IRQ-CTS': ['العميد كريم الجبوري (Brig. Karim al-Jubouri)', 'المقدم علي الساعدي (Lt. Col. Ali al-Saadi)'],
  'HUM-OBS': ['Claire Monnet', 'Jonas Weber'],
  CPA: ['Amira Haddad'],
};
const CORE = ['JTF', 'DIPLO', 'HF', 'IRQ-CTS', 'IRQ-MOJ', 'HUM-OBS'];
const SOMETIMES = ['INTEL', 'EMB-BGD', 'LE-ID', 'CPA'];

type Decision = TScenarioCoordinationCall['decisions'][number];
type Action = TScenarioCoordinationCall['actions'][number];

interface Topic {
  decision: (p: string, date: string) => { text: string; by: string; marking: string | null };
  actions: { title: (p: string) => string; owner: string; days: number; marking?: string }[];
}

const TOPICS: readonly Topic[] = [
  {
    decision: (p) => ({ text: `Prioritise ${p} in the next wave: its breach risk is the highest on the board.`, by: 'JTF', marking: null }),
    actions: [{ title: (p) => `Send the ${p} wave manifests to IRQ-CTS 12 hours ahead`, owner: 'JTF', days: 1 }, { title: (p) => `Confirm landing-zone slots at ${p}`, owner: 'HF', days: 1 }],
  },
  {
    decision: (p) => ({ text: `Observer visit to ${p} before its first transfer; the holding force escorts.`, by: 'all', marking: null }),
    actions: [{ title: (p) => `Arrange the observer visit to ${p}`, owner: 'HUM-OBS', days: 2 }, { title: (p) => `Escort plan for the observer at ${p}`, owner: 'HF', days: 2 }],
  },
  {
    decision: () => ({ text: 'Onward transfer only with consent: the receiving government confirms the assurance in writing.', by: 'DIPLO', marking: null }),
    actions: [{ title: () => 'Diplomatic note on the no-onward-transfer assurance', owner: 'DIPLO', days: 3 }, { title: () => 'Written confirmation of the assurance', owner: 'IRQ-MOJ', days: 5 }],
  },
  {
    decision: (p) => ({ text: `Reconcile the ${p} headcount against the registry before boarding resumes.`, by: 'JTF', marking: null }),
    actions: [{ title: (p) => `Headcount of ${p} against the registry`, owner: 'HF', days: 1 }, { title: (p) => `Resolve the ${p} discrepancies in the custody log`, owner: 'JTF', days: 2 }],
  },
  {
    decision: () => ({ text: 'Two more enrollment stations at the receiving facility to keep up with arrivals.', by: 'IRQ-MOJ', marking: null }),
    actions: [{ title: () => 'Install two enrollment stations at BIAP', owner: 'IRQ-MOJ', days: 4 }, { title: () => 'Biometric kits for the new stations', owner: 'LE-ID', days: 3 }],
  },
  {
    decision: (p) => ({ text: `Insurgent cells are gathering around ${p}; treat it as priority one for escorts.`, by: 'INTEL', marking: THREAT_MARK }),
    actions: [{ title: (p) => `Share the threat picture around ${p} with IRQ-CTS`, owner: 'INTEL', days: 1, marking: THREAT_MARK }],
  },
  {
    decision: () => ({ text: 'Medical cases fly only on sorties with a medic aboard; the list is reviewed each morning.', by: 'JTF', marking: null }),
    actions: [{ title: () => 'Medic roster for the next three days of sorties', owner: 'JTF', days: 2 }],
  },
  {
    decision: () => ({ text: 'Children separated from a guardian in the camps are listed before any release batch.', by: 'CPA', marking: null }),
    actions: [{ title: () => 'List of separated children at al-Hol and Roj', owner: 'CPA', days: 6 }, { title: () => 'Access for the child-protection team to al-Hol', owner: 'HF', days: 3 }],
  },
];

const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

interface Env {
  rng: Prng;
  ids: IdGenerator;
  epochMs: number;
  prisons: readonly PrisonPlan[];
}

/** How one action went: open at the call, maybe in progress, then done, cancelled or still going. */
function course(env: Env, opened: number, dueMs: number, owner: string): Action['history'] {
  const { rng, ids } = env;
  const who = `${owner.toLowerCase()}.c`;
  const end = env.epochMs + (LAST_DAY + 1) * DAY_MS;
  const steps: Action['history'] = [{ id: ids(opened), at: iso(opened), status: 'open', note: null, by: SECRETARIAT }];
  const start = opened + rng.int(2, 20) * 60 * MIN_MS;
  if (start < end && rng.chance(0.7)) steps.push({ id: ids(start), at: iso(start), status: 'in-progress', note: null, by: who });
  const r = rng.next();
  const close = dueMs + (r < 0.75 ? -rng.int(0, 18) : rng.int(4, 60)) * 60 * MIN_MS;
  // Three in four close on time; some later; about one in six is still going at the end (overdue if past due).
  if (r < 0.04 && close < end) steps.push({ id: ids(close), at: iso(close), status: 'cancelled', note: 'overtaken by events', by: SECRETARIAT });
  else if (r < 0.84 && close < end && close > opened) steps.push({ id: ids(close), at: iso(close), status: 'done', note: null, by: who });
  return steps;
}

function call(env: Env, d: number): TScenarioCoordinationCall {
  const { rng, ids } = env;
  const startsMs = env.epochMs + d * DAY_MS + 7 * 60 * MIN_MS;
  const agencies = [...CORE, ...SOMETIMES.filter(() => rng.chance(0.4))];
  const attendance = agencies.flatMap((a) => {
    const people = ROSTER[a] ?? [];
    return people.length === 0 ? [] : [{ agency: a, person: rng.pick(people), present: rng.chance(0.9) }];
  });
  const riskiest = [...env.prisons].sort((a, b) => b.risk - a.risk).slice(0, 3);
  const decisions: Decision[] = [];
  const actions: Action[] = [];
  const topics = rng.shuffle([...TOPICS]).slice(0, rng.int(1, 3));
  let minute = 15;
  for (const t of topics) {
    const p = riskiest.length > 0 ? rng.pick(riskiest).code : 'the riskiest prison';
    const at = startsMs + (minute += rng.int(4, 12)) * MIN_MS;
    const dec = t.decision(p, dayOf(startsMs));
    const decision: Decision = { id: ids(at), text: dec.text, decidedBy: dec.by, marking: dec.marking, at: iso(at) };
    decisions.push(decision);
    for (const a of t.actions) {
      const opened = at + rng.int(1, 3) * MIN_MS;
      const dueMs = startsMs + (a.days + rng.int(0, 2)) * DAY_MS;
      actions.push({
        id: ids(opened), decision: decision.id, title: a.title(p), owner: a.owner, due: dayOf(dueMs), marking: a.marking ?? null,
        history: course(env, opened, dueMs + 17 * 60 * MIN_MS, a.owner),
      });
    }
  }
  return {
    type: 'coordinationCall', id: ids(startsMs), title: 'Daily coordination call', date: dayOf(startsMs), startsAt: iso(startsMs), agencies,
    marking: CALL_MARK, originator: 'USA', recordedBy: SECRETARIAT, attendance, decisions, actions,
  };
}

/** The reference operation's daily calls, in date order. */
export function* coordinationRecords(env: Env): Generator<TScenarioCoordinationCall, void, undefined> {
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) yield call(env, d);
}
