import { DomainError, newId, notFound, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type Db, type WarningAlertsTable } from '../store/index.js';
import { acknowledge, insertAlerts, selectAlert, selectAlerts } from './alert.store.js';
import { assess, bannerText, gatherInputs, type Inputs } from './assess.js';
import { THRESHOLDS, levelOf } from './model.js';
import { presentAlert } from './present.js';
import { selectFacilityKind } from './site.store.js';
import { WarningErrors } from './warning.errors.js';
import { ZAckRequest, ZAlertListQuery, type TAckRequest, type TAlert, type TAlertListQuery } from './warning.schemas.js';

/**
 * Alerts: the system raises one when a site's 7-day breach probability reaches a threshold (warning 25 %,
 * critical 50 %), computed from every record in the store; the alert carries the banner of everything it was
 * computed from, so only those who may see all of it see it. At most one alert per site and level a week: an
 * alert of a level raised less than 7 days before silences that level for the site, open or acknowledged (a
 * warning does not silence a critical alert).
 */

const WEEK_MS = 7 * 86_400_000;

type Known = Pick<WarningAlertsTable, 'facility_id' | 'level' | 'status' | 'as_of'>[];

function covered(known: Known, facilityId: string, level: 'warning' | 'critical', atMs: number): boolean {
  return known.some((a) => a.facility_id === facilityId && (level === 'warning' || a.level === 'critical')
    && atMs - Date.parse(a.as_of) < WEEK_MS && atMs >= Date.parse(a.as_of));
}

/** The alerts to raise at `atMs` given the inputs and the alerts known so far (which it extends). */
async function alertsAt(ctx: Ctx, db: Db, input: { inputs: Inputs; atMs: number; known: Known }): Promise<WarningAlertsTable[]> {
  const out: WarningAlertsTable[] = [];
  const raisedAt = ctx.clock.now().toISOString();
  for (const s of input.inputs.sites) {
    const a = assess(s, input.atMs);
    const level = levelOf(a.p7);
    if (a.breachedAt || level === 'low' || covered(input.known, s.site.id, level, input.atMs)) continue;
    const markingId = await internMarking(db, parseMarking(bannerText(a.markings)), s.site.originator);
    const row: WarningAlertsTable = {
      id: newId(ctx.clock.now().getTime()), facility_id: s.site.id, level, as_of: new Date(input.atMs).toISOString(), raised_at: raisedAt,
      p7: a.p7, p30: a.p30, hazard_per_hour: a.hazardPerHour, threshold: THRESHOLDS[level], factors: JSON.stringify(a.factors),
      status: 'open', acknowledged_by: null, acknowledged_at: null, ack_note: null, marking_id: markingId,
    };
    out.push(row);
    input.known.push(row);
  }
  return out;
}

/**
 * Raises the alerts due at each of `times` (ms, ascending) from every record in the store, inside the caller's
 * transaction. Used after each write of events, indicators or breaches, and by the scenario loader over its
 * history. Audited when it raises any.
 * @returns the number raised.
 */
export async function evaluateAlerts(ctx: Ctx, db: Db, times: readonly number[]): Promise<number> {
  if (times.length === 0) return 0;
  const inputs = await gatherInputs(db, null, { fromMs: times[0]!, toMs: times[times.length - 1]! });
  const known: Known = await selectAlerts(db, null, {});
  let raised = 0;
  for (const atMs of times) {
    const rows = await alertsAt(ctx, db, { inputs, atMs, known });
    await insertAlerts(db, rows);
    raised += rows.length;
    if (rows.length > 0) await ctx.audit.record(db, { action: 'warning.alert.raise', subjectType: 'warning-alert', details: { ids: rows.map((r) => r.id), asOf: new Date(atMs).toISOString() } });
  }
  return raised;
}

/** Alerts the caller may see, newest first. Requires `warning:read`. Audited. */
export async function listAlerts(ctx: Ctx, raw: TAlertListQuery = {}): Promise<{ items: TAlert[]; marking: string }> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZAlertListQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  let facilityId: string | undefined;
  if (q.facility) {
    const site = await selectFacilityKind(ctx.db, scope, q.facility);
    if (!site) throw notFound('facility', q.facility);
    facilityId = site.id;
  }
  const rows = await selectAlerts(ctx.db, scope, { status: q.status, facilityId, limit: q.limit });
  const items = rows.map(presentAlert);
  await ctx.audit.record(ctx.db, { action: 'warning.alert.list', subjectType: 'warning-alert', details: { ids: items.map((a) => a.id) } });
  return { items, marking: bannerText(items.map((a) => a.marking)) };
}

/**
 * A person acknowledges an alert: who and when are recorded, with an optional note. Requires `warning:ack`. Audited.
 * @throws DomainError NOT_FOUND (absent or unseen), WARNING_ALERT_ACKNOWLEDGED.
 */
export async function acknowledgeAlert(ctx: Ctx, id: string, raw: TAckRequest = {}): Promise<TAlert> {
  requirePermission(ctx.principal, 'warning:ack');
  const input = ZAckRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const alert = await selectAlert(trx, scope, id);
    if (!alert) throw notFound('alert', id);
    const at = ctx.clock.now().toISOString();
    if (!(await acknowledge(trx, alert.id, { by: ctx.principal.username, at, note: input.note ?? null }))) {
      throw new DomainError('conflict', WarningErrors.WARNING_ALERT_ACKNOWLEDGED, `alert ${id} was acknowledged already`, { field: 'id', reason: 'already acknowledged' });
    }
    await ctx.audit.record(trx, { action: 'warning.alert.ack', subjectType: 'warning-alert', subjectId: alert.id, details: { facility: alert.code, level: alert.level, note: input.note !== undefined } });
    return presentAlert((await selectAlert(trx, scope, id))!);
  });
}
