import type { Ctx } from '../access/index.js';
import { FINGER_DIM, seedEnrollments, templateDim, MODALITY_LIST, floorOfModality, type SeedEnrollment, type Template } from '../identity/index.js';
import type { Db } from '../store/index.js';
import { Prng } from './prng.js';
import type { TScenarioDetainee } from './scenario.schemas.js';

/**
 * Synthetic biometric enrollments for the scenario, made at load time from the detainee records and the
 * ground truth, on their own PRNG stream (so no existing record changes). Each person has one vector per
 * modality, drawn from a seed of their first enrollment's ISN; the records the truth says are the same person
 * (duplicate enrollments, enrollments under an alias) share it. Every encounter adds capture noise that grows
 * as quality falls; about 1 % of encounters are poor captures (a worn finger, a turned face), and amputees
 * lack fingers.
 */

interface Pending {
  rec: TScenarioDetainee;
  markingId: number;
}

const STATIONS = ['BIAP-ENR-1', 'BIAP-ENR-2', 'BIAP-ENR-3', 'BIAP-ENR-4'];

export class IdentitySeeder {
  readonly #pending: Pending[] = [];
  readonly #root = new Map<string, string>();

  constructor(private readonly seed: string) {}

  add(rec: TScenarioDetainee, markingId: number): void {
    this.#pending.push({ rec, markingId });
  }

  /** A truth record saying `b` is the person first enrolled as `a`. */
  same(a: string, b: string): void {
    this.#root.set(b, this.#rootOf(a));
  }

  #rootOf(isn: string): string {
    let r = isn;
    for (let guard = 0; guard < 64; guard++) {
      const next = this.#root.get(r);
      if (!next || next === r) return r;
      r = next;
    }
    return r;
  }

  /** The enrollments, in detainee order. */
  enrollments(opts: { epoch: string; agencyCode: string }): SeedEnrollment[] {
    const base = Date.parse(opts.epoch);
    const stream = `sallyport-scenario-v1/${this.seed}\u0000identity`;
    return this.#pending.map(({ rec, markingId }, i) => {
      const person = new Prng(`${stream}\u0000person\u0000${this.#rootOf(rec.isn)}`);
      const enc = new Prng(`${stream}\u0000encounter\u0000${rec.isn}`);
      const poor = enc.chance(0.01);
      const amputee = rec.medical.includes('amputee');
      const templates: Template[] = [];
      for (const m of MODALITY_LIST) {
        const dim = templateDim(m);
        const clean = normals(person, dim);
        const finger = dim === FINGER_DIM;
        if (finger && (enc.chance(0.01) || (amputee && enc.chance(0.5)))) continue;
        const floor = floorOfModality(m);
        const quality = Math.round(Math.min(100, Math.max(floor, enc.normal(72, 12))));
        const sigma = (poor ? 1.8 : 0.3) + ((100 - quality) / 100) * 0.9;
        const noise = normals(enc, dim);
        const vector = new Float32Array(dim);
        for (let k = 0; k < dim; k++) vector[k] = (clean[k] ?? 0) + sigma * (noise[k] ?? 0);
        templates.push({ modality: m, quality, vector });
      }
      return {
        id: enrollmentId(enc), detaineeId: rec.id, markingId, agencyCode: opts.agencyCode, station: STATIONS[i % STATIONS.length] ?? 'BIAP-ENR-1',
        capturedAt: new Date(base + 70 * 86_400_000 + i * 60_000).toISOString(),
        nameAr: rec.nameAr, nameLatin: rec.nameLatin, aliases: rec.aliases.flatMap((a) => [a.nameLatin, a.nameAr].filter((n): n is string => !!n)),
        birthDate: rec.birthDate, birthYear: rec.birthYear, birthPlace: rec.birthPlace, nationality: rec.nationality, templates,
      };
    });
  }

  /** Generates and stores the enrollments. */
  async load(ctx: Ctx, db: Db, opts: { epoch: string; agencyCode: string; now: string }): Promise<void> {
    const rows = this.enrollments(opts);
    for (let i = 0; i < rows.length; i += 2000) await seedEnrollments(ctx, db, rows.slice(i, i + 2000), opts.now);
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `n` standard normal draws, both values of each Box–Muller pair used (the Prng's `normal` keeps one). */
function normals(rng: Prng, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const a = 2 * Math.PI * rng.next();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** A deterministic ULID-shaped id for a scenario enrollment, drawn from its encounter's stream. */
function enrollmentId(rng: Prng): string {
  let s = '01';
  for (let i = 0; i < 24; i++) s += CROCKFORD[rng.int(0, 31)];
  return s;
}
