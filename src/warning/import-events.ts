import { DomainError, isDomainError, newId } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type ConflictEventsTable } from '../store/index.js';
import { CsvSyntaxError, checkAcledRow, checkHeader, readCsv, type AcledRow } from './acled.js';
import { evaluateAlerts } from './alerts.js';
import { insertEvents, knownSourceIds } from './event.store.js';
import { markingCache } from './marking.js';
import { WarningErrors } from './warning.errors.js';
import type { TImportIssue, TImportResult } from './warning.schemas.js';

/** Rows checked against the store and inserted together. */
const BATCH = 500;
/** Issues kept for the answer; the count goes on past them. */
const MAX_ISSUES = 200;

/** How far an import has got. */
export interface ImportProgress {
  rows: number;
}

export interface ImportOptions {
  /** Portion mark of rows without a `marking` column value. */
  marking: string;
  onProgress?: (p: ImportProgress) => void;
}

function refused(issues: TImportIssue[], total: number): DomainError {
  const shown = issues.slice(0, 5).map((i) => `line ${i.line} ${i.field}: ${i.reason}`).join('; ');
  return new DomainError('invalid', WarningErrors.WARNING_IMPORT_INVALID, `import refused, nothing stored: ${shown}${total > 5 ? ` (+${total - 5} more)` : ''}`, {
    field: issues[0] ? `line ${issues[0].line}: ${issues[0].field}` : 'csv',
    reason: issues[0]?.reason ?? 'invalid',
    issues: issues.map((i) => ({ field: `line ${i.line}: ${i.field}`, reason: i.reason })),
    lines: issues,
    total,
  });
}

/**
 * Imports conflict events from CSV in ACLED's column layout (`ACLED_COLUMNS`; `event_date`, `event_type`,
 * `sub_event_type`, `actor1`, `country`, `location`, `latitude`, `longitude`, `fatalities` required), read as a
 * stream so a file of any size takes bounded memory. All or nothing: every row is checked (dates, ACLED types
 * and sub-types, coordinates, fatalities, text without control characters, a `marking` its author may give,
 * an `event_id_cnty` not repeated in the file or among the events the caller sees); when any row is bad, nothing
 * is stored and the error lists each line, column and reason (the first 200; `details.total` counts all).
 * Alerts due now are raised in the same transaction. Requires `warning:write`. Audited.
 * @throws DomainError WARNING_IMPORT_INVALID, WARNING_MARKING_ABOVE_CALLER.
 */
export async function importEvents(ctx: Ctx, source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, opts: ImportOptions): Promise<TImportResult> {
  requirePermission(ctx.principal, 'warning:write');
  return inTransaction(ctx.db, async (trx) => {
    const marking = markingCache(ctx, trx);
    const defaultMarking = await marking(opts.marking, 'marking');
    const scope = await scopeFor(trx, ctx.principal);
    const now = ctx.clock.now().toISOString();
    const today = now.slice(0, 10);
    const importId = newId(ctx.clock.now().getTime());
    const issues: TImportIssue[] = [];
    let total = 0;
    const note = (i: TImportIssue) => {
      total++;
      if (issues.length < MAX_ISSUES) issues.push(i);
    };
    const seenIds = new Set<string>();
    let batch: AcledRow[] = [];
    let rows = 0;
    let imported = 0;
    let first: string | null = null;
    let last: string | null = null;
    const flush = async () => {
      const known = await knownSourceIds(trx, scope, batch.flatMap((r) => (r.sourceId ? [r.sourceId] : [])));
      const out: ConflictEventsTable[] = [];
      for (const r of batch) {
        if (r.sourceId && known.has(r.sourceId)) note({ line: r.line, field: 'event_id_cnty', reason: `event ${r.sourceId} is already stored` });
        let markingId = defaultMarking;
        try {
          if (r.marking !== null) markingId = await marking(r.marking, 'marking');
        } catch (e) {
          if (!isDomainError(e)) throw e;
          note({ line: r.line, field: 'marking', reason: e.details.reason ?? e.message });
        }
        if (total > 0) continue;
        out.push({
          id: newId(ctx.clock.now().getTime()), source_id: r.sourceId, event_date: r.eventDate, event_type: r.eventType, sub_event_type: r.subEventType,
          actor1: r.actor1, actor2: r.actor2, country: r.country, admin1: r.admin1, admin2: r.admin2, admin3: r.admin3, location: r.location,
          lat: r.lat, lon: r.lon, fatalities: r.fatalities, notes: r.notes, origin: 'import', import_id: importId, marking_id: markingId,
          recorded_by: ctx.principal.username, recorded_at: now,
        });
        first = first === null || r.eventDate < first ? r.eventDate : first;
        last = last === null || r.eventDate > last ? r.eventDate : last;
      }
      // Once a row is bad nothing will be kept, but reading goes on to report every bad line.
      if (total === 0) {
        await insertEvents(trx, out);
        imported += out.length;
      }
      batch = [];
    };
    try {
      for await (const step of readCsv(source)) {
        if (step.kind === 'header') {
          const bad = checkHeader(step.columns);
          if (bad.length > 0) throw refused(bad, bad.length);
          continue;
        }
        rows++;
        if (step.kind === 'ragged') {
          note({ line: step.line, field: 'row', reason: `${step.fields} fields where the header has ${step.expected}` });
          continue;
        }
        const rowIssues: TImportIssue[] = [];
        const row = checkAcledRow(step.record, step.line, today, rowIssues);
        rowIssues.forEach(note);
        if (!row) continue;
        if (row.sourceId) {
          if (seenIds.has(row.sourceId)) note({ line: row.line, field: 'event_id_cnty', reason: `event ${row.sourceId} appears twice in the file` });
          seenIds.add(row.sourceId);
        }
        batch.push(row);
        if (batch.length >= BATCH) await flush();
        if (rows % 5000 === 0) opts.onProgress?.({ rows });
      }
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw refused([{ line: e.line, field: 'csv', reason: e.message }], 1);
      throw e;
    }
    await flush();
    if (rows === 0) throw refused([{ line: 1, field: 'csv', reason: 'no data rows' }], 1);
    if (total > 0) throw refused(issues, total);
    const alertsRaised = await evaluateAlerts(ctx, trx, [ctx.clock.now().getTime()]);
    await ctx.audit.record(trx, { action: 'warning.event.import', subjectType: 'conflict-event', subjectId: importId, details: { imported, firstDate: first, lastDate: last, alertsRaised } });
    opts.onProgress?.({ rows });
    return { importId, imported, firstDate: first, lastDate: last, alertsRaised };
  });
}
