import type { CASE_STATUSES } from './cases.schemas.js';

/** The pure rule of a case's status: forward only, closing from anywhere with a reason, reopening closed → open with a reason. */

type CaseStatus = (typeof CASE_STATUSES)[number];
const ORDER: readonly CaseStatus[] = ['open', 'referred', 'charged', 'tried', 'closed'];

/**
 * Why a case may not move from `from` to `to` (with or without a reason), or null when it may. A case moves
 * forward only (open → referred → charged → tried → closed, steps may be skipped); closing is allowed from any
 * status but needs a reason unless the case was tried; reopening is closed → open only, with a reason.
 */
export function caseTransitionFault(from: CaseStatus, to: CaseStatus, reason: string | null): { field: 'status' | 'reason'; reason: string } | null {
  if (from === to) return { field: 'status', reason: `the case is already ${to}` };
  if (from === 'closed') {
    if (to !== 'open') return { field: 'status', reason: `a closed case can only be reopened (closed → open), not moved to ${to}` };
    return reason ? null : { field: 'reason', reason: 'reopening a closed case needs a reason' };
  }
  if (to === 'closed') return reason || from === 'tried' ? null : { field: 'reason', reason: `closing a case that is ${from} (not tried) needs a reason` };
  if (ORDER.indexOf(to) < ORDER.indexOf(from)) return { field: 'status', reason: `a case moves forward only; ${from} → ${to} goes back` };
  return null;
}
