import { z } from 'zod';
import { DomainError, newId, type Clock } from '../kernel/index.js';
import type { Db } from '../store/index.js';
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
      try {
        await db
          .insertInto('audit_events')
          .values({
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
          })
          .execute();
      } catch (e) {
        throw new DomainError('unavailable', AccessErrors.ACCESS_AUDIT_WRITE_FAILED, 'audit trail unavailable; operation not applied', {
          reason: (e as Error).message,
        });
      }
    },
  };
}
