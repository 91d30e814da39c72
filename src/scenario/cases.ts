import type { TCaseSeed } from '../cases/index.js';
import type { Prng } from './prng.js';
import type { TScenarioCaseFile, TScenarioCaseUsers } from './scenario.schemas.js';

/**
 * The reference case files: a handful of prosecutions with evidence of every kind, marked at every level, and
 * declassification requests in every state (pending, overdue, awaiting a second reviewer, released as is,
 * redacted, denied). Drawn from their own stream, after every other record, so nothing before them changes.
 * The users they need (a federal prosecutor, two intelligence reviewers) are emitted here too.
 */

/** The users the case files act as, beyond the per-agency demo users. */
export function caseUserRecords(): TScenarioCaseUsers {
  return {
    type: 'caseUsers',
    users: [
      { username: 'le-id.prosecutor', displayName: 'Federal prosecutor (TS)', agency: 'LE-ID', clearance: 'TS', roles: ['prosecutor', 'viewer'], groups: ['LES', 'HCS'] },
      { username: 'intel.review', displayName: 'INTEL declassification reviewer (TS)', agency: 'INTEL', clearance: 'TS', roles: ['reviewer', 'viewer'], groups: ['LES', 'HCS'] },
      { username: 'intel.deputy', displayName: 'INTEL second reviewer (TS)', agency: 'INTEL', clearance: 'TS', roles: ['reviewer', 'viewer'], groups: ['LES', 'HCS'] },
    ],
  };
}

const PROSECUTOR = 'le-id.prosecutor';
const PLACES = ['Hasakah', 'Raqqa', 'Tabqa', 'Shaddadi', 'Qamishli', 'Derik'];

interface Draw {
  rng: Prng;
  place: string;
  dated: string;
}

function day(rng: Prng): string {
  return `2025-${String(rng.int(3, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function evidence(d: Draw): TCaseSeed['evidence'] {
  const at = `${d.dated}T${String(d.rng.int(6, 18)).padStart(2, '0')}:00:00Z`;
  return [
    {
      author: PROSECUTOR,
      request: {
        kind: 'intelligence-report' as const, agency: 'INTEL', dated: d.dated, description: `Reporting on a weapons cache and its keepers near ${d.place}`,
        source: 'Human source HS-2207 (reliability B), through a liaison service', provenance: 'INTEL field reporting, disseminated to LE-ID under a sharing arrangement',
        content: { body: `The source saw the subject hand out weapons at a farm east of ${d.place}.\n\nThe source's access came through a relative employed at the farm.` },
        marking: 'S//NOFORN', custody: [{ at, action: 'collected' as const, actor: 'INTEL field office', place: 'Erbil' }],
      },
    },
    {
      author: PROSECUTOR,
      request: {
        kind: 'battlefield-document' as const, agency: 'JTF', dated: d.dated, description: `Payroll ledger seized at a checkpoint in ${d.place}`,
        source: 'Site exploitation team', provenance: 'Seized by JTF; scanned and bagged at the forward operating base',
        content: { body: `Ledger page listing fighters and monthly payments, including the subject's kunya.` },
        marking: 'C//REL TO IRQ, USA', custody: [{ at, action: 'collected' as const, actor: 'JTF site exploitation', place: d.place }, { at, action: 'stored' as const, actor: 'JTF evidence room', place: 'Baghdad' }],
      },
    },
    {
      author: PROSECUTOR,
      request: {
        kind: 'witness-statement' as const, agency: 'LE-ID', dated: d.dated, description: 'Statement of a former resident about the subject\'s role',
        source: 'Interview by LE-ID agents', provenance: 'Recorded and transcribed by LE-ID',
        content: { body: 'The witness recognises the subject as the man who ran the checkpoint and collected taxes.' },
        marking: 'U', custody: [{ at, action: 'collected' as const, actor: 'LE-ID agents', place: 'Erbil' }],
      },
    },
    {
      author: PROSECUTOR,
      request: {
        kind: 'biometric-match' as const, agency: 'LE-ID', dated: d.dated, description: 'Fingerprint match between a latent print on the ledger and the subject\'s enrollment',
        source: 'LE-ID latent print examiner', provenance: 'Comparison of the ledger\'s latent prints with the intake enrollment',
        content: { body: 'Latent print L-3 matches the right index finger of the subject\'s enrollment (12 minutiae).' },
        marking: 'S//LES//REL TO IRQ, USA', custody: [{ at, action: 'examined' as const, actor: 'LE-ID laboratory', place: 'Baghdad' }],
      },
    },
  ];
}

/** The case-file records of the reference scenario. */
export function caseFileRecords(rng: Prng): TScenarioCaseFile[] {
  const out: TScenarioCaseFile[] = [];
  const titles = ['Weapons cache and checkpoint taxation', 'Payroll of a brigade', 'Checkpoint executions', 'Foreign fighter recruitment'];
  for (let i = 0; i < titles.length; i += 1) {
    const place = rng.pick(PLACES);
    const d: Draw = { rng, place, dated: day(rng) };
    const jurisdiction = i === 3 ? { kind: 'origin' as const, country: 'FRA', name: 'Parquet national antiterroriste' } : { kind: 'receiving' as const, country: 'IRQ', name: 'Central Criminal Court of Iraq' };
    const audience = { kind: 'prosecutor' as const, country: jurisdiction.country };
    const requests: TCaseSeed['requests'] = [
      // The intelligence report: pending and overdue in one case, redacted in another, a downgrade awaiting the deputy in a third.
      i === 0 ? { evidence: 0, requester: PROSECUTOR, audience, purpose: 'Needed to prove the subject controlled the cache', ageDays: 20, dueDays: 14 }
        : i === 1 ? {
          evidence: 0, requester: PROSECUTOR, audience, purpose: 'Trial', ageDays: 10, dueDays: 14,
          decision: { reviewer: 'intel.review', input: { outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: `A source saw the subject hand out weapons at a farm east of ${place}.` }, source: 'A human source', reason: 'Source identity and access withheld' } },
        }
          : i === 2 ? {
            evidence: 0, requester: PROSECUTOR, audience, purpose: 'Trial', ageDays: 5, dueDays: 14,
            decision: { reviewer: 'intel.review', input: { outcome: 'downgrade', marking: 'C//REL TO IRQ, USA', reason: 'The source has since died; reporting is over a year old' } },
          }
            : { evidence: 0, requester: PROSECUTOR, audience, purpose: 'Extradition file', ageDays: 8, dueDays: 14, decision: { reviewer: 'intel.review', input: { outcome: 'deny', reason: 'Would expose a liaison relationship' } } },
    ];
    if (i === 3) requests.push({ evidence: 1, requester: PROSECUTOR, audience, purpose: 'Extradition file', ageDays: 3, dueDays: 21 });
    out.push({
      type: 'caseFile',
      seed: {
        ref: `CASE-2026-${String(i + 1).padStart(4, '0')}`, title: titles[i]!, prosecutor: PROSECUTOR, detainees: [rng.int(0, 199), rng.int(0, 199)], jurisdiction,
        charges: ['Membership of a terrorist organisation', ...(i % 2 === 0 ? ['Possession of weapons'] : ['Financing of terrorism'])], marking: 'U',
        evidence: evidence(d).slice(0, i === 3 ? 3 : 4), requests,
      },
    });
  }
  return out;
}
