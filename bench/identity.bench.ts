import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEDUP_INDEX_PARAMS, PACKED_DIM, buildIndex, exactSearch, exactSearchNative, galleryOf, linkRecords, loadIndexFile, openGalleryIndex, pairwiseAccuracy, saveIndexFile, scoreGallery,
  searchIndex, febrlEntity, HNSW_PARAMS, type Gallery, type HnswParams, type MatchRecord,
} from '../src/identity/index.js';
import { MODALITY_LIST, packTemplates } from '../src/identity/index.js';
import { generateScenario } from '../src/scenario/index.js';
import { IdentitySeeder } from '../src/scenario/identity.js';
import { parseMaps, readPersons } from '../src/cli/commands/identity-link.js';
import { knob } from './custody-fixtures.js';
import { FastRng, captureGallery, uniformGallery } from './identity-gallery.js';

/**
 * Identity benchmarks, each against a baseline in the same run:
 * - exact 1:N search over BENCH_IDENTITY_GALLERY templates (default 1,000,000) × BENCH_IDENTITY_DIM float32
 *   (default 512, as DESIGN.md states) against the memory-bandwidth floor: a native pass that streams the
 *   same bytes once (memcmp of the gallery with itself), timed in alternation with the search;
 * - the HNSW index over BENCH_IDENTITY_HNSW templates (default 100,000; BENCH_IDENTITY_HNSW=1000000 for the
 *   target's size, which takes hours to build on these 2 cores) × 512: on a gallery of captures made as the
 *   scenario makes them (bench/identity-gallery.ts; queries are another capture of a gallery person) and on
 *   uniform random vectors (the hard case); p50/p99 latency and recall@10 against exact search for several
 *   search expansions, built once on both cores and cached in .tmp/bench (delete the file to rebuild);
 * - deduplication of BENCH_IDENTITY_DEDUP scenario enrollments (default 100,000) through the index kept beside
 *   the store (built as enrollments arrive, so its upkeep is reported per enrollment, not in the dedup time);
 * - record linkage F1 on FEBRL4 and FEBRL3 (../shared/data/febrl) next to simple blocking on the given name.
 */

const CACHE = join(import.meta.dirname, '..', '.tmp', 'bench');

/** The tuned parameters at 512 values: 8-bit vectors, M 32, efConstruction 200, the best 50 re-ranked exactly. */
export const HNSW_512: HnswParams = { quantization: 'i8', connectivity: 32, expansion_add: 200, expansion_search: 512, rerank: 50 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
}

function benchExact(): void {
  const n = knob('BENCH_IDENTITY_GALLERY', 1_000_000);
  const dim = knob('BENCH_IDENTITY_DIM', 512);
  // Values only need to be floats: a xorshift fills 2 GB in a few seconds.
  const g = new Float32Array(n * dim);
  let x = 7;
  for (let i = 0; i < g.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    g[i] = (x >>> 0) / 4294967296 - 0.5;
  }
  const bytes = Buffer.from(g.buffer, g.byteOffset, g.byteLength);
  const same = bytes.subarray(0);
  const floor: number[] = [];
  const exact: number[] = [];
  const ratios: number[] = [];
  let agree = true;
  let sink = 0;
  for (let r = 0; r < 11; r++) {
    // The floor: memcmp of the gallery with itself reads each byte once (both operands are the same lines).
    let t = performance.now();
    sink += Buffer.compare(bytes, same);
    const f = performance.now() - t;
    const row = (r * 9973) % n;
    const probe = g.slice(row * dim, (row + 1) * dim);
    t = performance.now();
    const hits = exactSearchNative(g, probe, 10);
    const e = performance.now() - t;
    floor.push(f);
    exact.push(e);
    ratios.push(e / f);
    sink += hits.length;
    if (r === 0) {
      // The native scan must return what the plain reference loop returns.
      const ref = exactSearch(g, probe, 10).map((h) => h.index).join();
      agree = ref === hits.map((h) => h.index).join();
    }
  }
  let t = performance.now();
  exactSearch(g, g.slice(0, dim), 10);
  const js = performance.now() - t;
  t = performance.now();
  let a = 0;
  let b = 0;
  for (let i = 0; i < g.length; i += 2) {
    a += g[i]!;
    b += g[i + 1]!;
  }
  const jsFloor = performance.now() - t;
  const f = median(floor);
  const e = median(exact);
  process.stdout.write(
    `exact 1:N: ${n.toLocaleString('en-US')} templates × ${dim} float32 (${(g.byteLength / 2 ** 20).toFixed(0)} MiB), 11 alternating rounds, medians\n` +
      `  exact search, top 10 (native SIMD scan, one thread): ${e.toFixed(1)} ms; same top 10 as the reference loop: ${agree ? 'yes' : 'NO'}\n` +
      `  floor, one native streaming pass over the same bytes: ${f.toFixed(1)} ms (${(g.byteLength / f / 1e6).toFixed(1)} GB/s)\n` +
      `  ratio exact / floor: ${median(ratios).toFixed(2)} (median of the rounds' ratios; range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target <= 1.5)\n` +
      `  for comparison, the plain TypeScript loop: ${js.toFixed(0)} ms, and a TypeScript pass that only sums the floats: ${jsFloor.toFixed(0)} ms; checksum ${(sink + a + b).toFixed(1)}\n`,
  );
}

function hnswOn(kind: 'capture' | 'uniform', n: number, dim: number, queries: number): void {
  let t = performance.now();
  const cg = kind === 'capture' ? captureGallery(n, dim, 11) : null;
  const g = cg ? cg.vectors : uniformGallery(n, dim, 11);
  const genMs = performance.now() - t;
  mkdirSync(CACHE, { recursive: true });
  const p = HNSW_512;
  const path = join(CACHE, `hnsw-${kind}-${n}-${dim}-${p.quantization}-m${p.connectivity}-ef${p.expansion_add}.usearch`);
  let built = '';
  if (!existsSync(path)) {
    t = performance.now();
    const c0 = process.cpuUsage();
    let last = 0;
    const index = buildIndex(g, dim, {
      threads: 2, params: p,
      onProgress: (done, total) => {
        if (done - last >= total / 10 || done === total) {
          process.stderr.write(`  hnsw ${kind} build ${done}/${total}\n`);
          last = done;
        }
      },
    });
    const ms = performance.now() - t;
    const c1 = process.cpuUsage(c0);
    const cpuMs = (c1.user + c1.system) / 1000;
    saveIndexFile(index, path, { dim, ids: [], params: p });
    built = `built on 2 threads in ${(ms / 1000).toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU (${(cpuMs / n).toFixed(2)} CPU-ms per template) and cached`;
  } else built = 'loaded from the cache';
  const fileMiB = statSync(path).size / 2 ** 20;
  // Probes: another capture of a gallery person, or a fresh uniform vector.
  const rng = new FastRng(4242);
  const probes: Float32Array[] = [];
  const personOf: number[] = [];
  for (let q = 0; q < queries; q++) {
    if (cg) {
      const person = Math.floor(rng.uniform() * cg.persons);
      personOf.push(person);
      probes.push(cg.capture(person, rng));
    } else probes.push(uniformGallery(1, dim, 100_000 + q));
  }
  const checked = Math.min(queries, 200);
  const truth = probes.slice(0, checked).map((probe) => exactSearchNative(g, probe, 10).map((h) => h.index));
  process.stdout.write(
    `hnsw, ${kind === 'capture' ? 'captures as the scenario makes them (1–4 encounters a person; the query another capture)' : 'uniform random unit vectors (the hard case)'}: ` +
      `${n.toLocaleString('en-US')} × ${dim}, made in ${(genMs / 1000).toFixed(1)} s; index i8, M ${p.connectivity}, efConstruction ${p.expansion_add}, ${built}; file ${fileMiB.toFixed(0)} MiB\n`,
  );
  for (const ef of [256, 512, 1024]) {
    t = performance.now();
    const index = loadIndexFile(path, dim, { ...p, expansion_search: ef }, { view: true });
    const loadMs = performance.now() - t;
    for (const rerank of [0, p.rerank]) {
      const lat: number[] = [];
      let found = 0;
      let mates = 0;
      let matesExact = 0;
      probes.forEach((probe, q) => {
        const s = performance.now();
        const hits = searchIndex(index, probe, 10, rerank ? { vectors: g, rerank } : undefined);
        lat.push(performance.now() - s);
        if (q < checked) {
          const want = new Set(truth[q]);
          found += hits.filter((h) => want.has(h.index)).length;
          if (cg) {
            mates += hits.filter((h) => cg.personOf[h.index] === personOf[q]).length;
            matesExact += (truth[q] ?? []).filter((i) => cg.personOf[i] === personOf[q]).length;
          }
        }
      });
      process.stdout.write(
        `  ef ${String(ef).padStart(4)}, ${rerank ? `top ${rerank} re-ranked exactly` : 'no re-ranking        '}: recall@10 ${(found / (checked * 10)).toFixed(4)} (target >= 0.99), ` +
          `p50 ${percentile(lat, 0.5).toFixed(2)} ms, p99 ${percentile(lat, 0.99).toFixed(2)} ms over ${queries} queries (target <= 5 ms)` +
          `${cg ? `; the person's other encounters found ${mates}/${matesExact}` : ''}${rerank ? '' : `; mapped in ${loadMs.toFixed(0)} ms`}\n`,
      );
    }
  }
}

function benchHnsw(): void {
  const n = knob('BENCH_IDENTITY_HNSW', 100_000);
  const dim = knob('BENCH_IDENTITY_DIM', 512);
  const queries = knob('BENCH_IDENTITY_QUERIES', 1000);
  const before = process.memoryUsage().rss;
  hnswOn('capture', n, dim, queries);
  hnswOn('uniform', n, dim, queries);
  process.stdout.write(`  rss grew by ${((process.memoryUsage().rss - before) / 2 ** 20).toFixed(0)} MiB over both (galleries, index maps, exact truth)\n`);
}

async function benchDedup(): Promise<void> {
  const n = knob('BENCH_IDENTITY_DEDUP', 100_000);
  let t = performance.now();
  const seeder = new IdentitySeeder('bench-dedup');
  let markingId = 0;
  const rowOfIsn = new Map<string, number>();
  const truthIsns: [string, string][] = [];
  for (const r of generateScenario({ seed: 'bench-dedup', detainees: n, campResidents: 0 })) {
    if (r.type === 'detainee') {
      rowOfIsn.set(r.isn, markingId);
      seeder.add(r, ++markingId);
    } else if (r.type === 'truth' && r.b !== null) {
      seeder.same(r.a, r.b);
      truthIsns.push([r.a, r.b]);
    }
  }
  const rows = seeder.enrollments({ epoch: '2025-10-27T00:00:00.000Z', agencyCode: 'LE-ID' }).map((e) => ({
    id: e.id, detainee_id: e.detaineeId, marking_id: e.markingId, templates: Buffer.from(packTemplates(e.templates).buffer),
    qualities: JSON.stringify(MODALITY_LIST.map((m) => e.templates.find((x) => x.modality === m)?.quality ?? null)),
    name_ar: e.nameAr, name_latin: e.nameLatin, aliases: JSON.stringify(e.aliases), birth_date: e.birthDate, birth_year: e.birthYear, birth_place: e.birthPlace, nationality: e.nationality,
  }));
  const g: Gallery = galleryOf(rows);
  process.stdout.write(`dedup: ${n.toLocaleString('en-US')} enrollments generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  // The index beside the store, as enrollment keeps it: built once here (and cached) the way enrollments
  // add to it, so its cost is per enrollment, paid on arrival. CPU time is reported beside wall time: on a
  // machine shared with other work the wall clock says more about the neighbours than about this code.
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `dedup-${n}-${PACKED_DIM}-${HNSW_PARAMS.quantization}-m${HNSW_PARAMS.connectivity}.usearch`);
  const fresh = !existsSync(path);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  t = performance.now();
  let c = cpu();
  openGalleryIndex(g, path);
  const openMs = performance.now() - t;
  const openCpu = cpu() - c;
  const upkeep = fresh
    ? `built in ${(openMs / 1000).toFixed(1)} s wall, ${(openCpu / 1000).toFixed(1)} s CPU on 2 threads: ${(openCpu / n).toFixed(2)} CPU-ms per enrollment, paid on arrival`
    : `loaded from ${path} in ${(openMs / 1000).toFixed(1)} s`;
  t = performance.now();
  c = cpu();
  let searchMs = 0;
  let searchCpu = 0;
  const scored = await scoreGallery(g, {
    neighbours: async (gal, k) => {
      const s = performance.now();
      const c0 = cpu();
      // The dedup run opens the index file again, as the CLI does (load + sidecar check), then queries every row.
      const index = openGalleryIndex(gal, path, { params: DEDUP_INDEX_PARAMS });
      const out = index.neighboursOfAll(gal, k, { threads: 2 });
      searchMs = performance.now() - s;
      searchCpu = cpu() - c0;
      return out;
    },
  });
  const ms = performance.now() - t;
  const allCpu = cpu() - c;
  const matched = new Set(scored.filter((p) => p.match).map((p) => `${Math.min(p.a, p.b)}|${Math.max(p.a, p.b)}`));
  const found = truthIsns.filter(([a, b]) => {
    const x = rowOfIsn.get(a) ?? -1;
    const y = rowOfIsn.get(b) ?? -1;
    return matched.has(`${Math.min(x, y)}|${Math.max(x, y)}`);
  }).length;
  process.stdout.write(
    `  index (i8, M ${HNSW_PARAMS.connectivity}, efConstruction ${HNSW_PARAMS.expansion_add}): ${upkeep}\n` +
      `  dedup (open the index + 1:N search of every enrollment on 2 threads at ef ${DEDUP_INDEX_PARAMS.expansion_search}, top ${DEDUP_INDEX_PARAMS.rerank} re-ranked + name blocking + fused scoring of ${scored.length.toLocaleString('en-US')} pairs): ` +
      `${(ms / 1000).toFixed(1)} s wall, ${(allCpu / 1000).toFixed(1)} s CPU (target <= 60 s); of which the index ${(searchMs / 1000).toFixed(1)} s wall, ${(searchCpu / 1000).toFixed(1)} s CPU\n` +
      `  ${scored.filter((p) => p.match).length} pairs at or above the fused threshold; ${found} of the ${truthIsns.length} duplicate/alias enrollments the truth names among them\n`,
  );
}

function baseline(left: { ids: string[]; records: MatchRecord[] }, right: { ids: string[]; records: MatchRecord[] } | null): Set<string> {
  // The recordlinkage documentation's example: block on the given name, match when 4 of 6 fields agree exactly.
  const fields = ['given', 'surname', 'street_number', 'address_1', 'suburb', 'state'] as const;
  const other = right ?? left;
  const byGiven = new Map<string, number[]>();
  other.records.forEach((r, i) => {
    const k = r.extra?.given ?? '';
    if (k) (byGiven.get(k) ?? byGiven.set(k, []).get(k)!).push(i);
  });
  const out = new Set<string>();
  left.records.forEach((a, i) => {
    for (const j of byGiven.get(a.extra?.given ?? '') ?? []) {
      if (!right && j <= i) continue;
      const b = other.records[j]!;
      let agree = fields.filter((f) => a.extra?.[f] && a.extra[f] === b.extra?.[f]).length;
      if (a.birthDate && a.birthDate === b.birthDate) agree++;
      if (agree >= 4) out.add(key(left.ids[i]!, other.ids[j]!));
    }
  });
  return out;
}

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

async function benchFebrl(): Promise<void> {
  const dir = join(import.meta.dirname, '..', '..', 'shared', 'data', 'febrl');
  if (!existsSync(dir)) {
    process.stdout.write(`febrl: ${dir} not found; skipped\n`);
    return;
  }
  const maps = parseMaps(['given_name=given', 'surname=surname', 'date_of_birth=birthDate', 'street_number=street_number', 'address_1=address_1', 'address_2=address_2', 'suburb=suburb', 'postcode=postcode', 'state=state', 'soc_sec_id=soc_sec_id']);
  for (const [a, b, target] of [['dataset4a.csv', 'dataset4b.csv', 0.99], ['dataset3.csv', null, 0.95]] as const) {
    const left = await readPersons(join(dir, a), maps, 'rec_id');
    const right = b ? await readPersons(join(dir, b), maps, 'rec_id') : null;
    const truth = new Set<string>();
    const all = right ? [...left.ids, ...right.ids] : left.ids;
    const groups = new Map<string, string[]>();
    for (const id of all) (groups.get(febrlEntity(id) ?? id) ?? groups.set(febrlEntity(id) ?? id, []).get(febrlEntity(id) ?? id)!).push(id);
    const leftSet = new Set(left.ids);
    for (const ids of groups.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (!right || leftSet.has(ids[i]!) !== leftSet.has(ids[j]!)) truth.add(key(ids[i]!, ids[j]!));
    let t = performance.now();
    const res = linkRecords(left.records, right ? right.records : null, { maxBlock: 50 });
    const ours = pairwiseAccuracy(new Set(res.pairs.filter((p) => p.match).map((p) => key(left.ids[p.left]!, (right ?? left).ids[p.right]!))), truth);
    const oursMs = performance.now() - t;
    t = performance.now();
    const base = pairwiseAccuracy(baseline(left, right), truth);
    const baseMs = performance.now() - t;
    const f = (x: { precision: number; recall: number; f1: number }) => `precision ${x.precision.toFixed(4)}, recall ${x.recall.toFixed(4)}, F1 ${x.f1.toFixed(4)}`;
    process.stdout.write(
      `febrl ${b ? `${a} × ${b}` : `${a} (within file)`}: ${truth.size} true pairs\n` +
        `  sallyport link (blocking passes, Fellegi–Sunter by EM): ${f(ours)} in ${(oursMs / 1000).toFixed(1)} s (target F1 >= ${target})\n` +
        `  baseline, blocking on the given name, 4 of 7 fields agreeing: ${f(base)} in ${(baseMs / 1000).toFixed(1)} s\n`,
    );
  }
}

/** `npm run bench` entry (BENCH_ONLY=identity). */
export async function benchIdentity(): Promise<void> {
  const only = process.env.BENCH_IDENTITY_ONLY;
  if (!only || only === 'exact') benchExact();
  if (!only || only === 'hnsw') benchHnsw();
  if (!only || only === 'dedup') await benchDedup();
  if (!only || only === 'febrl') await benchFebrl();
}
