import { DomainError, type Clock } from '../kernel/index.js';
import { contextFor, findUserByName, principalOfUser, withDb, type Ctx } from '../access/index.js';
import { createAgencyKey, custodyCtx, listKeys, rotateAgencyKey, type Keyring } from '../custody/index.js';
import { listDetainees } from '../registry/index.js';
import { admits } from './policy.js';
import { markingFromText } from './markings.js';
import type { Db } from '../store/index.js';
import { ZCaseSeed, type TCaseSeed } from './cases.schemas.js';
import { createCase } from './cases.js';
import { confirmDeclass, decideDeclass } from './decide.js';
import { requestDeclass } from './declass.js';
import { addEvidence } from './evidence.js';

/**
 * The ISNs of a seed's detainees: ISNs as given; a number picks among the first detainees the prosecutor sees
 * whose marking admits the jurisdiction's country (so that its prosecutor can read the case file too).
 */
async function resolveDetainees(ctx: Ctx, s: TCaseSeed): Promise<string[] | null> {
  if (s.detainees.every((d) => typeof d === 'string')) return s.detainees;
  const seen = (await listDetainees(ctx, { limit: 500 })).items;
  const releasable = seen.filter((d) => admits(markingFromText(d.marking), '', s.jurisdiction.country));
  // A scenario too small to hold a detainee the jurisdiction may see takes any the prosecutor sees, or none.
  const pool = releasable.length > 0 ? releasable : seen;
  if (pool.length === 0) return null;
  return [...new Set(s.detainees.map((d) => (typeof d === 'string' ? d : pool[d % pool.length]!.isn)))];
}

/** A case seed as the scenario generator writes it. */
export type CaseSeed = TCaseSeed;

const DAY_MS = 86_400_000;

/**
 * Acts out the scenario's case files through the use cases, as the scenario users they name (so every row and
 * audit record is what the application writes): each case opened, its evidence added, requests made some
 * days before the load and, where seeded, decided (signed with the originating agency's key from `keyring`).
 * Requires the loader's `scenario:load`; runs in the loader's transaction.
 * @throws DomainError SCENARIO-level invalid input when a seed names an unknown user.
 */
export async function seedCases(ctx: Ctx, db: Db, seeds: readonly TCaseSeed[], keyring: Keyring): Promise<void> {
  if (!ctx.principal.roles.includes('operator')) throw new DomainError('forbidden', 'FORBIDDEN', 'not allowed: seeding case files');
  const base = ctx.clock.now().getTime();
  const cache = new Map<string, ReturnType<typeof principalOfUser>>();
  async function as(username: string, daysAgo: number): Promise<Ctx> {
    let p = cache.get(username);
    if (!p) {
      const u = await findUserByName(db, username);
      if (!u) throw new DomainError('invalid', 'INVALID_INPUT', `cases: unknown user ${username}`, { field: 'user', reason: `unknown user ${username}` });
      p = principalOfUser(u);
      cache.set(username, p);
    }
    const clock: Clock = { now: () => new Date(base - daysAgo * DAY_MS) };
    return withDb(contextFor(db, p, clock, { requestId: 'scenario-load' }), db);
  }
  // Decisions are signed: the originating agencies need keys (the loader's keyring holds what it creates).
  // A key published earlier whose private half is not in this keyring is rotated, so the new one signs.
  const current = new Map((await listKeys(db)).keys.filter((k) => k.role === 'agency' && k.current).map((k) => [k.agency, k]));
  const originators = new Set(seeds.flatMap((s) => s.requests.filter((r) => r.decision).map((r) => s.evidence[r.evidence]?.request.agency ?? '')));
  const op = custodyCtx(withDb(ctx, db), keyring);
  for (const code of originators) {
    const k = current.get(code);
    if (!k) await createAgencyKey(op, { agency: code });
    else if (!(await keyring.get(k.name, k.id))) await rotateAgencyKey(op, { agency: code });
  }
  for (const s of seeds) {
    ZCaseSeed.parse(s); // checked whole before anything is written; the use cases take the input form
    const requests = s.requests;
    const oldest = Math.max(0, ...requests.map((r) => r.ageDays)) + 2;
    const prosecutor = await as(s.prosecutor, oldest);
    const detainees = await resolveDetainees(prosecutor, s);
    if (!detainees) continue;
    await createCase(prosecutor, { ref: s.ref, title: s.title, detainees, jurisdiction: s.jurisdiction, charges: s.charges, marking: s.marking });
    const items: string[] = [];
    for (const e of s.evidence) items.push((await addEvidence(await as(e.author, oldest - 1), s.ref, e.request)).ref);
    for (const r of requests) {
      const asker = await as(r.requester, r.ageDays);
      const due = new Date(base - r.ageDays * DAY_MS + r.dueDays * DAY_MS).toISOString();
      const made = await requestDeclass(asker, { item: items[r.evidence]!, audience: r.audience, purpose: r.purpose, dueAt: due });
      if (!r.decision) continue;
      const decidedAgo = Math.max(0, r.ageDays - 1);
      await decideDeclass(custodyCtx(await as(r.decision.reviewer, decidedAgo), keyring), made.id, r.decision.input);
      if (r.decision.confirmer) await confirmDeclass(custodyCtx(await as(r.decision.confirmer, decidedAgo), keyring), made.id, { approve: true });
    }
  }
}
