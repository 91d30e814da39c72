import { COUNTRIES, invalid, isCountryCode } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { campCohorts } from '../camps/index.js';
import { selectBatches, selectMembers } from './batch.store.js';
import { lastEngagements, selectCountries, selectEngagements, selectStatusChanges, type CountryRow } from './country.store.js';
import { bannerText, emptyNationals, nationalsByCountry } from './nationals.js';
import { presentBatches, presentEngagement } from './present.js';
import {
  CONDITIONS, STATUS_TRANSITIONS, ZCountryQuery, type Condition, type CountryStatus, type TCountryBoard, type TCountryList, type TCountryQuery,
  type TCountrySummary, type TNationals, type TWorldMap,
} from './repatriation.schemas.js';

/** Countries of origin: the board of every country, one country's board, and the world map. */

const OPEN = ['planned', 'handing-over'];

function conditionsOf(json: string): Condition[] {
  const raw = JSON.parse(json) as unknown;
  return Array.isArray(raw) ? CONDITIONS.filter((c) => raw.includes(c)) : [];
}

/** Persons still to repatriate and repatriated: detainees held plus residents present, and both repatriated. */
function progressOf(n: TNationals): { held: number; repatriated: number; progress: number } {
  const held = n.detainees.held + n.residents.present;
  const repatriated = n.detainees.repatriated + n.residents.repatriated;
  return { held, repatriated, progress: held + repatriated === 0 ? 0 : repatriated / (held + repatriated) };
}

interface Parts {
  record: CountryRow | undefined;
  nationals: { nationals: TNationals; markings: Set<string> } | undefined;
  engagements: { at: string; marking: string }[];
  openBatches: string[];
}

function summaryOf(country: string, p: Parts, withheldCamps: string[]): TCountrySummary {
  const nationals = p.nationals?.nationals ?? emptyNationals(withheldCamps);
  const markings = new Set([...(p.nationals?.markings ?? []), ...p.engagements.map((e) => e.marking), ...p.openBatches]);
  if (p.record) markings.add(p.record.marking_text);
  const last = p.engagements.reduce<string | null>((a, e) => (a === null || e.at > a ? e.at : a), null);
  return {
    country, name: COUNTRIES.get(country)?.name ?? country,
    // A country record the viewer may not see reads as not contacted: nothing about it is revealed.
    status: (p.record?.status ?? 'not-contacted') as CountryStatus,
    conditions: p.record ? conditionsOf(p.record.conditions) : [],
    ...progressOf(nationals),
    lastEngagement: last, openBatches: p.openBatches.length, version: p.record?.version ?? null, marking: bannerText(markings),
  };
}

/**
 * Every country of origin the viewer may see anything of (a country record, nationals held, an engagement, a
 * batch), with its status, conditions, nationals still held and repatriated, and the banner of what is counted.
 * Requires `repatriation:read` (and the registry's and camps' read permissions for the counts). Audited.
 */
export async function listCountries(ctx: Ctx, raw: TCountryQuery = {}): Promise<TCountryList> {
  requirePermission(ctx.principal, 'repatriation:read');
  const q = ZCountryQuery.parse(raw);
  const { items: all, withheldCamps } = await summaries(ctx);
  const items = all.filter((s) => !q.status || s.status === q.status);
  await ctx.audit.record(ctx.db, { action: 'repatriation.country.list', subjectType: 'country', details: { countries: items.map((i) => i.country) } });
  return { items, marking: bannerText(items.map((i) => i.marking)), withheldCamps };
}

/** The summary of one country as the viewer sees it. Requires `repatriation:read`. Not audited (the caller's write is). */
export async function countrySummary(ctx: Ctx, country: string): Promise<TCountrySummary> {
  requirePermission(ctx.principal, 'repatriation:read');
  const { items, withheldCamps } = await summaries(ctx, country);
  return items[0] ?? summaryOf(country, { record: undefined, nationals: undefined, engagements: [], openBatches: [] }, withheldCamps);
}

/**
 * Summaries of every country the caller may see anything of, counted on `asOf` (default today), for the outcome
 * dashboard. Requires `repatriation:read`. Not audited (the dashboard that shows them is).
 */
export async function countrySummaries(ctx: Ctx, asOf?: string): Promise<TCountrySummary[]> {
  requirePermission(ctx.principal, 'repatriation:read');
  return (await summaries(ctx, undefined, asOf)).items;
}

/** Summaries of every country the viewer may see anything of, or of one country. */
async function summaries(ctx: Ctx, country?: string, asOf?: string): Promise<{ items: TCountrySummary[]; withheldCamps: string[] }> {
  const scope = await scopeFor(ctx.db, ctx.principal);
  const records = new Map((await selectCountries(ctx.db, scope, { country })).map((r) => [r.country, r]));
  const { byCountry, withheldCamps } = await nationalsByCountry(ctx, country, asOf);
  const engaged = await lastEngagements(ctx.db, scope, country);
  const texts = await markingTexts(ctx.db, [...engaged.values()].flatMap((es) => es.map((e) => e.marking_id)));
  const batches = await selectBatches(ctx.db, scope, { statuses: OPEN, country });
  const all = new Set([...records.keys(), ...byCountry.keys(), ...engaged.keys(), ...batches.map((b) => b.country)]);
  const items = [...all].sort().map((c) => summaryOf(c, {
    record: records.get(c),
    nationals: byCountry.get(c),
    engagements: (engaged.get(c) ?? []).map((e) => ({ at: e.at, marking: texts.get(e.marking_id) ?? 'U' })),
    openBatches: batches.filter((b) => b.country === c).map((b) => b.marking_text),
  }, withheldCamps));
  return { items, withheldCamps };
}

/** The months of the next 24 in which the viewer's counted camp children of `country` turn 18. */
async function reaching18(ctx: Ctx, country: string): Promise<{ months: { month: string; count: number }[]; marking: string }> {
  const cohorts = await campCohorts(ctx, {});
  const byMonth = new Map(cohorts.months.map((m) => [m, 0]));
  for (const camp of cohorts.camps) {
    for (const g of camp.groups.filter((x) => x.nationality === country)) {
      for (const cell of g.cells.filter((x) => x.age === 18)) byMonth.set(cell.month, (byMonth.get(cell.month) ?? 0) + cell.count);
    }
  }
  return { months: [...byMonth].map(([month, count]) => ({ month, count })), marking: cohorts.marking };
}

/**
 * One country's board: status and conditions, nationals held by status and age group (detainees and camp
 * residents), the camp children reaching 18 month by month, the engagement log, the batches, the status
 * history and the statuses it may move to — everything scoped to the viewer, with the banner of it all.
 * Requires `repatriation:read`. Audited.
 * @throws DomainError INVALID_INPUT (not a country code).
 */
export async function showCountry(ctx: Ctx, country: string): Promise<TCountryBoard> {
  requirePermission(ctx.principal, 'repatriation:read');
  if (!isCountryCode(country)) throw invalid('country', 'not an ISO 3166-1 alpha-3 country code');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const [record] = await selectCountries(ctx.db, scope, { country });
  const { byCountry, withheldCamps } = await nationalsByCountry(ctx, country);
  const engagements = (await selectEngagements(ctx.db, scope, { country })).map(presentEngagement);
  const batchRows = await selectBatches(ctx.db, scope, { country });
  const batches = await presentBatches(ctx, batchRows, await selectMembers(ctx.db, batchRows.map((b) => b.id)));
  const history = (await selectStatusChanges(ctx.db, scope, country)).map((h) => ({
    at: h.at, from: h.from_status as CountryStatus, to: h.to_status as CountryStatus, by: h.by, note: h.note, marking: h.marking_text,
  }));
  const summary = summaryOf(country, {
    record, nationals: byCountry.get(country), engagements: engagements.map((e) => ({ at: e.at, marking: e.marking })),
    openBatches: batches.filter((b) => OPEN.includes(b.status)).map((b) => b.marking),
  }, withheldCamps);
  const cohorts = await reaching18(ctx, country);
  await ctx.audit.record(ctx.db, { action: 'repatriation.country.read', subjectType: 'country', subjectId: country, details: { engagements: engagements.map((e) => e.id), batches: batches.map((b) => b.id) } });
  const marking = bannerText([summary.marking, cohorts.marking, ...engagements.map((e) => e.marking), ...batches.map((b) => b.marking), ...batches.flatMap((b) => b.members.map((m) => m.marking)), ...history.map((h) => h.marking)]);
  return {
    summary,
    nationals: byCountry.get(country)?.nationals ?? emptyNationals(withheldCamps),
    reaching18: cohorts.months, engagements, batches,
    history: history.map(({ marking: _m, ...h }) => h),
    transitions: [...STATUS_TRANSITIONS[summary.status]],
    marking,
  };
}

/**
 * The world map's data: for each country the viewer may see nationals of, how many are still held and how many
 * were repatriated, and where talks stand. Requires `repatriation:read`. Audited (through the list).
 */
export async function worldMap(ctx: Ctx): Promise<TWorldMap> {
  const list = await listCountries(ctx);
  return {
    countries: list.items.filter((c) => c.held + c.repatriated > 0 || c.status !== 'not-contacted').map((c) => ({ country: c.country, status: c.status, held: c.held, repatriated: c.repatriated })),
    marking: list.marking,
  };
}
