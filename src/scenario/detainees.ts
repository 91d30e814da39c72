import { formatIsn, type IdGenerator } from '../kernel/index.js';
import { mark } from './cast.js';
import {
  ARAB_REGIONS, KUNYA_NAMES, MALE, drawNameSpec, drawSpelling, otherSpelling, spell, writeKunya, writeName, writeNomDeGuerre,
  type NameSpec, type Spelling, type WrittenName,
} from './names-ar.js';
import { NATIONS, detaineeWeights, drawNisba, type Nationality } from './nationalities.js';
import { KeepApartGroups, birthForAge, shiftDate } from './people.js';
import { Urn, apportion, weightedPicker, type Prng } from './prng.js';
import { HOLDING_FORCE_CODE } from './reference.data.js';
import type { TScenarioAlias, TScenarioDetainee, TScenarioTruth } from './scenario.schemas.js';

/**
 * The detainee stream. Every record is an enrollment under its own ISN; about 2 % are a second enrollment of a
 * person already enrolled (a transliteration variant of the same name, the same or a shifted date of birth,
 * often the same prison) and about 0.5 % an enrollment under an alias or a nom de guerre. Each of these is
 * followed by a `truth` record naming both ISNs. Memory stays bounded: only a sample of recent people is kept
 * for re-enrollment, plus each nationality's list of ISN numbers for the camps to link families to.
 */

/** What the camps need from the detainees: each nationality's first-enrollment ISN sequence numbers. */
export type DetaineeIndex = ReadonlyMap<string, readonly number[]>;

/** Where the detainees go: each prison's code and exact population. */
export interface DetaineeSetup {
  rng: Prng;
  ids: IdGenerator;
  epochMs: number;
  prisons: readonly { code: string; population: number }[];
}

interface Person {
  isn: string;
  nat: Nationality;
  name: NameSpec;
  spelling: Spelling;
  written: WrittenName;
  kunya: number;
  birthDate: string | null;
  birthYear: number;
  birthPlace: string | null;
  facility: number;
}

const POOL_SIZE = 2048;
const HOLDING_SERIAL_COUNTRY = 'SY';
const MEDICAL = ['wheelchair', 'dialysis', 'trauma', 'tb-isolation', 'amputee', 'insulin-dependent', 'cardiac', 'psychiatric'];
const KINDS = ['original', 'duplicate', 'alias'] as const;
const TIERS = ['low', 'medium', 'high', 'critical'] as const;
const LEGAL = ['unknown', 'administrative', 'charged', 'convicted'] as const;

const MARKINGS = weightedPicker(
  [
    { marking: mark('C//REL TO IRQ, USA'), originator: 'SYR' },
    { marking: 'U', originator: 'SYR' },
    { marking: mark('S//REL TO USA, IRQ'), originator: 'USA' },
    { marking: mark('S//NOFORN'), originator: 'USA' },
    { marking: mark('S//LES//REL TO USA'), originator: 'USA' },
    { marking: mark('S//HCS//REL TO USA'), originator: 'USA' },
  ],
  [62, 12, 17, 3, 4, 2],
);
const LOCAL_TIERS = weightedPicker(TIERS, [38, 40, 18, 4]);
const FOREIGN_TIERS = weightedPicker(TIERS, [15, 40, 33, 12]);
const IRAQI_LEGAL = weightedPicker(LEGAL, [30, 25, 20, 25]);
const OTHER_LEGAL = weightedPicker(LEGAL, [50, 35, 10, 5]);

/** The detainee records and their truth records, in stream order; returns the index the camps link to. */
export function* detaineeRecords(setup: DetaineeSetup): Generator<TScenarioDetainee | TScenarioTruth, DetaineeIndex> {
  const { rng, ids, epochMs } = setup;
  const count = setup.prisons.reduce((s, p) => s + p.population, 0);
  const duplicates = Math.round(count * 0.02);
  const aliasEnrollments = Math.round(count * 0.005);
  const kinds = new Urn(KINDS, [count - duplicates - aliasEnrollments, duplicates, aliasEnrollments]);
  const nations = new Urn(NATIONS, apportion(count - duplicates - aliasEnrollments, detaineeWeights()));
  const facilities = new Urn(setup.prisons.map((_, i) => i), setup.prisons.map((p) => p.population));
  const groups = new KeepApartGroups();
  const pool: Person[] = [];
  const index = new Map<string, number[]>();
  let seq = 0;

  for (let i = 0; i < count; i++) {
    seq += 1 + (rng.chance(0.1) ? rng.int(1, 4) : 0); // gaps: serials of people released or dead before the scenario
    const isn = formatIsn(HOLDING_SERIAL_COUNTRY, seq);
    const kind = pool.length === 0 ? KINDS[kinds.take(0)] : kinds.draw(rng); // the very first is always new
    let person: Person;
    let aliases: TScenarioAlias[];
    let truth: TScenarioTruth | undefined;
    if (kind === 'original') {
      person = newPerson(rng, epochMs, { isn, nat: nations.draw(rng), facility: facilities.drawIndex(rng) });
      aliases = aliasesOf(rng, person);
      truth = hiddenAlias(rng, person);
      const list = index.get(person.nat.code) ?? [];
      list.push(seq);
      index.set(person.nat.code, list);
      if (pool.length < POOL_SIZE) pool.push(person);
      else pool[rng.int(0, POOL_SIZE - 1)] = person;
    } else {
      const first = rng.pick(pool);
      const facility = rng.chance(0.7) && facilities.left(first.facility) > 0 ? facilities.take(first.facility) : facilities.drawIndex(rng);
      ({ person, truth } = kind === 'duplicate' ? reEnroll(rng, first, { isn, facility }) : enrollUnderAlias(rng, epochMs, first, { isn, facility }));
      aliases = kind === 'duplicate' && rng.chance(0.5) ? aliasesOf(rng, person).slice(0, 1) : [];
    }
    const keepApart = groups.assign(rng, count - 1 - i);
    yield detainee(rng, person, { id: ids(epochMs), aliases, keepApart, facility: setup.prisons[person.facility]?.code ?? '' });
    if (truth) yield truth;
  }
  return index;
}

function newPerson(rng: Prng, epochMs: number, who: { isn: string; nat: Nationality; facility: number }): Person {
  const { isn, nat, facility } = who;
  const name = drawNameSpec(rng, nat.region.draw(rng), 'M');
  const spelling = drawSpelling(rng, nat.tradition);
  const birth = birthForAge(rng, epochMs, rng.normalInt(31, 8, 18, 68));
  const known = rng.chance(0.55);
  // Undocumented births are registered on 1 January in Iraqi and Syrian records; some on an estimated year only.
  const birthDate = known ? (rng.chance(0.2) ? `${birth.year}-01-01` : birth.date) : null;
  return {
    isn, nat, name, spelling,
    written: writeName(name, spelling, rng),
    kunya: rng.int(0, KUNYA_NAMES.length - 1),
    birthDate,
    birthYear: known ? birth.year : Math.min(birth.year + rng.int(-2, 2), new Date(epochMs).getUTCFullYear() - 18),
    birthPlace: rng.chance(0.9) ? rng.pick(nat.places) : null,
    facility,
  };
}

function aliasesOf(rng: Prng, p: Person): TScenarioAlias[] {
  const out: TScenarioAlias[] = [];
  const arab = ARAB_REGIONS.includes(p.name.region);
  if (rng.chance(arab ? 0.5 : 0.7)) {
    const k = writeKunya(p.kunya, p.spelling, rng);
    out.push({ nameAr: k.ar, nameLatin: k.latin, kind: 'kunya' });
  }
  if (rng.chance(arab ? 0.3 : 0.55)) {
    const n = writeNomDeGuerre(p.kunya, drawNisba(rng, p.nat), p.spelling, rng);
    out.push({ nameAr: n.ar, nameLatin: n.latin, kind: 'nom-de-guerre' });
  }
  if (rng.chance(0.2)) {
    const v = writeName(p.name, otherSpelling(rng, p.spelling), rng);
    if (v.latin !== p.written.latin) out.push({ nameLatin: v.latin, kind: 'variant' });
  }
  if (!arab && rng.chance(0.35)) {
    // A convert's or a Central Asian's adopted Arabic name: an ism and the nisba of his country.
    const ism = rng.pick(MALE);
    const nisba = drawNisba(rng, p.nat);
    out.push({ nameAr: `${ism.ar} ${nisba.ar}`, nameLatin: `${spell(ism, p.spelling, rng)} ${spell(nisba, p.spelling, rng)}`, kind: 'alias' });
  } else if (rng.chance(0.04)) {
    const other = writeName(drawNameSpec(rng, p.name.region, 'M'), p.spelling, rng);
    out.push({ nameAr: other.ar, nameLatin: other.latin, kind: 'alias' });
  }
  return out;
}

/** About 1 % of people are also known by a nom de guerre that only the ground truth records. */
function hiddenAlias(rng: Prng, p: Person): TScenarioTruth | undefined {
  if (!rng.chance(0.01)) return undefined;
  const n = writeNomDeGuerre(rng.int(0, KUNYA_NAMES.length - 1), drawNisba(rng, p.nat), p.spelling, rng);
  return { type: 'truth', kind: 'alias', a: p.isn, b: null, detail: { aliasKind: 'nom-de-guerre', nameAr: n.ar, nameLatin: n.latin } };
}

function reEnroll(rng: Prng, first: Person, at: { isn: string; facility: number }): { person: Person; truth: TScenarioTruth } {
  const { isn, facility } = at;
  const spelling = rng.chance(0.7) ? otherSpelling(rng, first.spelling) : first.spelling;
  const toggleGrand = ARAB_REGIONS.includes(first.name.region) && rng.chance(0.3);
  const name = toggleGrand ? { ...first.name, withGrand: !first.name.withGrand } : first.name;
  let birthDate = first.birthDate;
  let birthYear = first.birthYear;
  let shift: number | null = 0;
  const r = rng.next();
  if (r < 0.25 && birthDate !== null) {
    shift = rng.int(1, 400) * (rng.chance(0.5) ? -1 : 1);
    birthDate = shiftDate(birthDate, shift);
    birthYear = Number(birthDate.slice(0, 4));
  } else if (r < 0.55) {
    birthDate = null;
    birthYear += rng.int(-1, 1);
    shift = null;
  }
  const person: Person = { ...first, isn, name, spelling, written: writeName(name, spelling, rng), birthDate, birthYear, facility };
  const truth: TScenarioTruth = {
    type: 'truth', kind: 'duplicate-enrollment', a: first.isn, b: isn,
    detail: {
      nameLatinA: first.written.latin, nameLatinB: person.written.latin,
      birthDateA: first.birthDate, birthDateB: birthDate, birthShiftDays: shift,
      sameFacility: facility === first.facility,
    },
  };
  return { person, truth };
}

function enrollUnderAlias(rng: Prng, epochMs: number, first: Person, at: { isn: string; facility: number }): { person: Person; truth: TScenarioTruth } {
  const { isn, facility } = at;
  const underNom = rng.chance(0.5);
  const spelling = drawSpelling(rng, first.nat.tradition);
  const name = underNom ? first.name : drawNameSpec(rng, first.name.region, 'M');
  const written = underNom ? writeNomDeGuerre(first.kunya, drawNisba(rng, first.nat), spelling, rng) : writeName(name, spelling, rng);
  const maxYear = new Date(epochMs).getUTCFullYear() - 18;
  const person: Person = {
    ...first, isn, name, spelling, written, facility,
    birthDate: null,
    birthYear: Math.min(maxYear, first.birthYear + rng.int(-2, 2)),
    birthPlace: rng.chance(0.5) ? first.birthPlace : null,
  };
  const truth: TScenarioTruth = {
    type: 'truth', kind: 'alias', a: first.isn, b: isn,
    detail: { aliasKind: underNom ? 'nom-de-guerre' : 'alias', nameLatin: written.latin, nameAr: written.ar },
  };
  return { person, truth };
}

interface EnrollmentFacts {
  id: string;
  aliases: TScenarioAlias[];
  keepApart: string[];
  facility: string;
}

function detainee(rng: Prng, p: Person, facts: EnrollmentFacts): TScenarioDetainee {
  const { id, aliases, keepApart, facility } = facts;
  const local = p.nat.code === 'IRQ' || p.nat.code === 'SYR';
  const medical: string[] = [];
  if (rng.chance(0.03)) {
    medical.push(rng.pick(MEDICAL));
    const second = rng.pick(MEDICAL);
    if (rng.chance(0.15) && second !== medical[0]) medical.push(second);
  }
  const { marking, originator } = MARKINGS.draw(rng);
  return {
    type: 'detainee', id, isn: p.isn, nameAr: p.written.ar, nameLatin: p.written.latin, aliases,
    birthDate: p.birthDate, birthYear: p.birthYear, birthPlace: p.birthPlace, nationality: p.nat.code, sex: 'M',
    riskTier: (local ? LOCAL_TIERS : FOREIGN_TIERS).draw(rng),
    keepApart, medical,
    legalStatus: (p.nat.code === 'IRQ' ? IRAQI_LEGAL : OTHER_LEGAL).draw(rng),
    facility, custodian: HOLDING_FORCE_CODE, status: 'held', marking, originator,
  };
}
