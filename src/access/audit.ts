import { z } from 'zod';
import { DomainError, newId, type Clock } from '../kernel/index.js';
import type { AuditEventsTable, Db } from '../store/index.js';
import { AccessErrors } from './access.errors.js';
import type { Principal } from './principal.js';

/** What an audit row says happened. Details carry ids and field names, never a record's marked content. */
export const ZAuditEvent = z.object({
  action: z.string().min(1).max(80),
  subjectType: z.string().min(1).max(80),
  subjectId: z.string().max(200).nullish(),
  outcome: z.enum(['ok', 'denied', 'failed']).default('ok'),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type TAuditEvent = z.input<typeof ZAuditEvent>;

/** One audit row as the auditor sees it. */
export const ZAuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string(),
  agencyId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditRecord = z.infer<typeof ZAuditRecord>;

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ip?: string | null;
  requestId?: string | null;
}

/**
 * The audit trail as a use case sees it: bound to who is acting and from where. `record` writes with the
 * caller's executor, so the row commits or rolls back with the change it records; a failure to write it
 * fails the operation.
 */
export interface Audit {
  record(db: Db, event: TAuditEvent): Promise<void>;
}

/** An audit trail bound to a principal, a clock and a request origin. */
export function auditFor(principal: Principal, clock: Clock, origin: RequestOrigin = {}): Audit {
  return {
    async record(db, input) {
      const event = ZAuditEvent.parse(input);
      const row: AuditEventsTable = {
        id: newId(clock.now().getTime()),
        at: clock.now().toISOString(),
        user_id: principal.userId,
        username: principal.username,
        agency_id: principal.agencyId,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId ?? null,
        outcome: event.outcome,
        ip: origin.ip ?? null,
        request_id: origin.requestId ?? null,
        details: JSON.stringify(event.details),
      };
      try {
        // Inside a write's transaction the row commits (or rolls back) with the change it records; a read's
        // row joins the next group commit, which the caller awaits: durable before the answer, one fsync
        // shared by every read audited meanwhile.
        if (db.isTransaction) await db.insertInto('audit_events').values(row).execute();
        else await groupCommitOf(db).add(row);
      } catch (e) {
        throw new DomainError('unavailable', AccessErrors.ACCESS_AUDIT_WRITE_FAILED, 'audit trail unavailable; operation not applied', {
          reason: (e as Error).message,
        });
      }
    },
  };
}

/** Most rows one group commit writes; the rest wait for the next. */
const GROUP_MAX = 500;

/**
 * Audit rows written outside any transaction (reads), committed in groups: a group starts once pending I/O
 * has been handled, and rows that arrive while a commit is in flight go together in the next. Each `add` resolves when its
 * row's transaction has committed, and rejects if it failed (nothing of that group is stored).
 */
class AuditGroupCommit {
  private pending: { row: AuditEventsTable; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  add(row: AuditEventsTable): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.running) return;
      this.running = true;
      // Start after pending I/O callbacks have run: the requests that arrived meanwhile reach their audit
      // call first and share this commit (SQLite commits block the event loop, so nothing would join later).
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, GROUP_MAX);
        try {
          await this.db.transaction().execute(async (trx) => {
            // 100 rows × 12 columns stays under both dialects' bound-parameter limits.
            for (let i = 0; i < group.length; i += 100) {
              await trx.insertInto('audit_events').values(group.slice(i, i + 100).map((g) => g.row)).execute();
            }
          });
          for (const g of group) g.resolve();
        } catch (e) {
          for (const g of group) g.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const groups = new WeakMap<Db, AuditGroupCommit>();

function groupCommitOf(db: Db): AuditGroupCommit {
  let g = groups.get(db);
  if (!g) {
    g = new AuditGroupCommit(db);
    groups.set(db, g);
  }
  return g;
}
