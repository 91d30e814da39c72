import { invalid } from '../kernel/index.js';

/**
 * Biometric templates: one fixed-length Float32 vector per modality (synthetic here: a person's vector plus
 * capture noise), with a quality score 0–100 (the NFIQ 2 scale). An enrollment holds up to twelve: the ten
 * fingers in ANSI/NIST finger-position order (1 right thumb … 10 left little), the face and one iris.
 *
 * The search vector of an enrollment is its templates, each unit-normalised, laid end to end and divided by
 * √(templates present): its inner product with another enrollment's is the mean cosine over the modalities
 * both hold (a missing modality counts 0), so one 1:N search serves all modalities at once.
 */

/** The modalities, in storage order. Fingers carry their ANSI/NIST-ITL finger position code (1–10). */
export const MODALITIES = [
  'finger-1', 'finger-2', 'finger-3', 'finger-4', 'finger-5',
  'finger-6', 'finger-7', 'finger-8', 'finger-9', 'finger-10', 'face', 'iris',
] as const;
export type Modality = (typeof MODALITIES)[number];

/** Human names of the modalities, for re-capture prompts. */
export const MODALITY_LABELS: Readonly<Record<Modality, string>> = {
  'finger-1': 'right thumb', 'finger-2': 'right index finger', 'finger-3': 'right middle finger', 'finger-4': 'right ring finger',
  'finger-5': 'right little finger', 'finger-6': 'left thumb', 'finger-7': 'left index finger', 'finger-8': 'left middle finger',
  'finger-9': 'left ring finger', 'finger-10': 'left little finger', face: 'face', iris: 'iris',
};

/** Template length of each modality, in float32 values. */
export const FINGER_DIM = 8;
export const FACE_DIM = 32;
export const IRIS_DIM = 16;

/** Length of one modality's template. */
export function dimOf(m: Modality): number {
  return m === 'face' ? FACE_DIM : m === 'iris' ? IRIS_DIM : FINGER_DIM;
}

/** Offset of each modality in the packed enrollment vector, and the packed length (128). */
export const OFFSETS: Readonly<Record<Modality, number>> = (() => {
  const out = {} as Record<Modality, number>;
  let at = 0;
  for (const m of MODALITIES) {
    out[m] = at;
    at += dimOf(m);
  }
  return out;
})();
export const PACKED_DIM = MODALITIES.reduce((s, m) => s + dimOf(m), 0);

/**
 * Quality floors below which a capture is refused and re-taken (NFIQ 2-style 0–100). Fingers tolerate lower
 * scores than face and iris, whose quality metrics saturate sooner.
 */
export const QUALITY_FLOOR: Readonly<Record<'finger' | 'face' | 'iris', number>> = { finger: 30, face: 40, iris: 40 };

/** The floor that applies to `m`. */
export function floorOf(m: Modality): number {
  return m === 'face' ? QUALITY_FLOOR.face : m === 'iris' ? QUALITY_FLOOR.iris : QUALITY_FLOOR.finger;
}

/** One captured template. */
export interface Template {
  modality: Modality;
  quality: number;
  vector: Float32Array;
}

/**
 * Checks one template: its length, finite values, a non-zero vector, a quality in 0–100.
 * @throws DomainError invalid on `field` naming what is wrong.
 */
export function checkTemplate(field: string, t: { modality: Modality; quality: number; vector: ArrayLike<number> }): void {
  const want = dimOf(t.modality);
  if (t.vector.length !== want) throw invalid(`${field}.vector`, `a ${t.modality} template has ${want} values, not ${t.vector.length}`);
  let norm = 0;
  for (let i = 0; i < want; i++) {
    const x = t.vector[i] ?? NaN;
    if (!Number.isFinite(x)) throw invalid(`${field}.vector`, `value ${i} is ${String(x)}, not a finite number`);
    norm += x * x;
  }
  if (norm === 0) throw invalid(`${field}.vector`, 'an all-zero template carries no biometric information');
  if (!Number.isFinite(t.quality) || t.quality < 0 || t.quality > 100) throw invalid(`${field}.quality`, 'quality must be a number from 0 to 100');
}

/** Packs templates into the enrollment blob (Float32, little-endian), each unit-normalised; absent modalities are zeros. */
export function packTemplates(ts: readonly Template[]): Float32Array {
  const out = new Float32Array(PACKED_DIM);
  for (const t of ts) {
    const at = OFFSETS[t.modality];
    let n = 0;
    for (let i = 0; i < t.vector.length; i++) n += (t.vector[i] ?? 0) ** 2;
    const inv = 1 / Math.sqrt(n);
    for (let i = 0; i < t.vector.length; i++) out[at + i] = (t.vector[i] ?? 0) * inv;
  }
  return out;
}

/** The templates held in a packed vector, given which modalities are present. */
export function unpackTemplates(packed: Float32Array, qualities: readonly (number | null)[]): Template[] {
  const out: Template[] = [];
  MODALITIES.forEach((m, i) => {
    const q = qualities[i];
    if (q === null || q === undefined) return;
    out.push({ modality: m, quality: q, vector: packed.slice(OFFSETS[m], OFFSETS[m] + dimOf(m)) });
  });
  return out;
}

/** The search vector of a packed enrollment: scaled so that inner products are mean cosines. */
export function searchVector(packed: Float32Array, present: number): Float32Array {
  const out = new Float32Array(packed.length);
  const s = present > 0 ? 1 / Math.sqrt(present) : 0;
  for (let i = 0; i < packed.length; i++) out[i] = (packed[i] ?? 0) * s;
  return out;
}

/** Bytes of a Float32Array as stored (little-endian on every platform Node runs on here). */
export function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** A stored blob back to floats (copied, so the result is aligned). */
export function fromBlob(b: Uint8Array): Float32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

/**
 * Mean cosine between two enrollments over the modalities both hold, from packed vectors; 0 when they share
 * none. The comparison the matcher uses for a pair (1:1), and the truth the index is measured against.
 */
export function biometricSimilarity(a: Float32Array, qa: readonly (number | null)[], b: Float32Array, qb: readonly (number | null)[]): number {
  let sum = 0;
  let shared = 0;
  MODALITIES.forEach((m, i) => {
    if (qa[i] === null || qa[i] === undefined || qb[i] === null || qb[i] === undefined) return;
    const at = OFFSETS[m];
    let dot = 0;
    for (let k = 0; k < dimOf(m); k++) dot += (a[at + k] ?? 0) * (b[at + k] ?? 0);
    sum += dot;
    shared += 1;
  });
  return shared === 0 ? 0 : sum / shared;
}
