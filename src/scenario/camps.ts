import { formatIsn, type IdGenerator } from '../kernel/index.js';
import { mark } from './cast.js';
import type { DetaineeIndex } from './detainees.js';
import { drawNameSpec, drawSpelling, writeName, type NameRegion, type NameSpec, type Spelling } from './names-ar.js';
import { NATIONS, campWeights, type Nationality } from './nationalities.js';
import { birthForAge } from './people.js';
import { weightedPicker, type Prng, type WeightedPicker } from './prng.js';
import type { TScenarioHousehold, TScenarioResident } from './scenario.schemas.js';

/**
 * Camp households and residents. Households are written first and residents after, yet nothing is held in
 * memory between the two passes: each household draws from its own sub-stream, forked from the seed by camp
 * and number, so the resident pass replays the household's plan exactly and then draws its members.
 */

/** What the camp generator needs: the root stream, ids, the camps with their populations, and the detainees. */
export interface CampSetup {
  rng: Prng;
  ids: IdGenerator;
  epochMs: number;
  camps: readonly { code: string; population: number }[];
  index: DetaineeIndex;
}

interface Plan {
  code: string;
  camp: string;
  nat: Nationality;
  region: NameRegion;
  spelling: Spelling;
  size: number;
  femaleHead: boolean;
  head: NameSpec;
  headLatin: string;
  headAr: string;
  headAge: number;
  husband: NameSpec;
  related: string | null;
}

const SIZES = weightedPicker([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [8, 12, 16, 17, 15, 12, 9, 6, 3, 2]);
const HOUSEHOLD_MARK = mark('C//REL TO USA, IRQ, CHE');
const CHILD_MARK = mark('C//CHILD//REL TO USA, IRQ, CHE');
const CAMP_ORIGINATOR = 'SYR';

function pickers(): Record<string, WeightedPicker<Nationality>> {
  return { HOL: weightedPicker(NATIONS, campWeights('HOL')), ROJ: weightedPicker(NATIONS, campWeights('ROJ')) };
}

function plan(setup: CampSetup, nats: Record<string, WeightedPicker<Nationality>>, at: { camp: string; i: number; remaining: number }): { p: Plan; rng: Prng } {
  const { camp, i, remaining } = at;
  const rng = setup.rng.fork(`household/${camp}/${i}`);
  const picker = nats[camp];
  if (!picker) throw new RangeError(`no nationality mix for camp ${camp}`);
  const nat = picker.draw(rng);
  const region = nat.region.draw(rng);
  const spelling = drawSpelling(rng, nat.tradition);
  const size = Math.min(SIZES.draw(rng), remaining);
  // Al-Hol and Roj hold mostly women and children; the few men heading a household are old.
  const femaleHead = rng.chance(0.92);
  const headAge = femaleHead ? rng.normalInt(32, 9, 18, 70) : rng.int(55, 82);
  const head = drawNameSpec(rng, region, femaleHead ? 'F' : 'M');
  const written = writeName(head, spelling, rng);
  const husband = femaleHead ? drawNameSpec(rng, region, 'M') : head;
  const candidates = setup.index.get(nat.code);
  const related = femaleHead && candidates && candidates.length > 0 && rng.chance(0.11) ? formatIsn('SY', rng.pick(candidates)) : null;
  const code = `${camp}-${String(i + 1).padStart(6, '0')}`;
  return {
    p: { code, camp, nat, region, spelling, size, femaleHead, head, headLatin: written.latin, headAr: written.ar, headAge, husband, related },
    rng,
  };
}

function* plans(setup: CampSetup): Generator<{ p: Plan; rng: Prng }> {
  const nats = pickers();
  for (const { code, population } of setup.camps) {
    let remaining = population;
    for (let i = 0; remaining > 0; i++) {
      const planned = plan(setup, nats, { camp: code, i, remaining });
      remaining -= planned.p.size;
      yield planned;
    }
  }
}

/** The household records of every camp, in camp order. */
export function* householdRecords(setup: CampSetup): Generator<TScenarioHousehold> {
  for (const { p } of plans(setup)) {
    yield {
      type: 'household', id: setup.ids(setup.epochMs), code: p.code, facility: p.camp, nationality: p.nat.code,
      headName: p.headLatin, size: p.size, marking: HOUSEHOLD_MARK, originator: CAMP_ORIGINATOR,
    };
  }
}

/** The resident records, household by household, each household's head first. */
export function* residentRecords(setup: CampSetup): Generator<TScenarioResident> {
  for (const { p, rng } of plans(setup)) {
    for (const m of members(rng, p, setup.epochMs)) {
      yield {
        type: 'resident', id: setup.ids(setup.epochMs), household: p.code, facility: p.camp, nameAr: m.ar, nameLatin: m.latin,
        sex: m.sex, birthDate: m.birthDate, nationality: p.nat.code, relation: m.relation,
        marking: m.age < 18 ? CHILD_MARK : HOUSEHOLD_MARK, originator: CAMP_ORIGINATOR, relatedDetainee: m.related ? p.related : null,
      };
    }
  }
}

interface Member {
  ar: string;
  latin: string;
  sex: 'F' | 'M';
  age: number;
  birthDate: string;
  relation: TScenarioResident['relation'];
  related: boolean;
}

interface MemberSpec {
  spec: NameSpec;
  age: number;
  relation: Member['relation'];
  related?: boolean;
  /** The name as already written (the head's, on the household record); written afresh otherwise. */
  written?: { ar: string; latin: string };
}

function member(rng: Prng, epochMs: number, s: Spelling, m: MemberSpec): Member {
  const { spec, age, relation, related = false } = m;
  const w = m.written ?? writeName(spec, s, rng);
  const birth = birthForAge(rng, epochMs, age);
  // Many camp residents have no papers; the registrar then writes 1 January of the estimated year.
  const birthDate = age >= 18 && rng.chance(0.3) ? `${birth.year}-01-01` : birth.date;
  return { ar: w.ar, latin: w.latin, sex: spec.sex, age, birthDate, relation, related };
}

function childOf(rng: Prng, region: NameRegion, father: NameSpec, sex: 'F' | 'M'): NameSpec {
  const own = drawNameSpec(rng, region, sex);
  return { ...own, father: father.given, grand: father.father, family: father.family, withGrand: false };
}

function* members(rng: Prng, p: Plan, epochMs: number): Generator<Member> {
  const { region, spelling: s } = p;
  yield member(rng, epochMs, s, { spec: p.head, age: p.headAge, relation: 'head', related: p.femaleHead, written: { ar: p.headAr, latin: p.headLatin } });
  let left = p.size - 1;
  let motherAge = p.headAge;
  if (!p.femaleHead && left > 0) {
    motherAge = Math.max(18, p.headAge - rng.int(3, 25));
    yield member(rng, epochMs, s, { spec: drawNameSpec(rng, region, 'F'), age: motherAge, relation: 'wife' });
    left--;
  }
  if (p.femaleHead && left >= 2 && p.headAge <= 50 && rng.chance(0.12)) {
    yield member(rng, epochMs, s, { spec: drawNameSpec(rng, region, 'F'), age: Math.min(90, p.headAge + rng.int(17, 32)), relation: 'mother' });
    left--;
  }
  for (; left > 0; left--) {
    const sex = rng.chance(0.5) ? 'M' : 'F';
    if (rng.chance(0.04)) {
      yield member(rng, epochMs, s, { spec: drawNameSpec(rng, region, sex), age: rng.int(0, 17), relation: 'other' });
    } else if (motherAge >= 44 && rng.chance(0.3)) {
      const sonOrDaughter = drawNameSpec(rng, region, 'M');
      const spec = childOf(rng, region, sonOrDaughter, sex);
      yield member(rng, epochMs, s, { spec, age: rng.int(0, Math.min(10, motherAge - 34)), relation: 'grandchild' });
    } else {
      const maxAge = Math.min(motherAge - 16, 22);
      const age = Math.floor((maxAge + 1) * rng.next() ** 1.5);
      const spec = childOf(rng, region, p.husband, sex);
      yield member(rng, epochMs, s, { spec, age, relation: sex === 'M' ? 'son' : 'daughter', related: p.femaleHead });
    }
  }
}
