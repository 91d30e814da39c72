import { z } from 'zod';
import { isIsn } from '../kernel/index.js';
import {
  SINGLE_EVENT_SHAPES, ZBiometric, ZCondition, ZCustodyCode, ZCustodyEvent, ZCustodyTime, ZEscortRecord, ZParty, ZWitness,
  type SingleEventType,
} from './events.schemas.js';

/**
 * The custody module's contract with HTTP, CLI and web: requests, answers and the detainee bundle. The
 * event types themselves are in events.schemas.ts.
 */

const ZIsn = z.string().refine(isIsn, 'not an ISN (expected SP-CC-000123)');

/** A published signing key. */
export const ZCustodyKey = z.object({
  name: z.string(),
  id: z.string().describe('key ID, 8 hex digits'),
  verifier: z.string().describe('C2SP verifier key string <name>+<id>+<base64(0x01 || key)>'),
  role: z.enum(['log', 'agency']),
  agency: z.string().nullable().describe('agency code (agency keys)'),
  generation: z.number(),
  current: z.boolean().describe('the key the agency (or the log) signs with now'),
  createdAt: z.string(),
});
export type TCustodyKey = z.infer<typeof ZCustodyKey>;

/** Every published key: what any verifier needs to check signatures and checkpoints offline. */
export const ZCustodyKeys = z.object({ origin: z.string(), log: z.string().nullable().describe('current log verifier key'), keys: z.array(ZCustodyKey) });
export type TCustodyKeys = z.infer<typeof ZCustodyKeys>;

/** Creating or rotating an agency's signing key. */
export const ZAgencyKeyRequest = z.strictObject({ agency: ZCustodyCode.describe('agency code') });
export type TAgencyKeyRequest = z.input<typeof ZAgencyKeyRequest>;

/** A handover, as the releasing agency proposes it; the releasing agency is the caller's. */
export const ZCreateHandoverRequest = z.strictObject({
  detainee: ZIsn,
  to: z.strictObject({ agency: ZCustodyCode, place: ZCustodyCode.describe('facility code or aircraft tail') }),
  time: ZCustodyTime.optional().describe('when custody passes; default now'),
  condition: ZCondition,
  biometric: ZBiometric.optional(),
  witnesses: z.array(ZWitness).max(10).default([]),
  escort: ZEscortRecord.optional().describe("default: from the detainee's risk tier and medical needs"),
});
export type TCreateHandoverRequest = z.input<typeof ZCreateHandoverRequest>;

/** The life of a handover. */
export const HANDOVER_STATUSES = ['pending', 'completed', 'cancelled'] as const;

/** A handover: pending (signed by the releasing agency), completed (both signed, logged) or cancelled. */
export const ZHandover = z.object({
  id: z.string(),
  status: z.enum(HANDOVER_STATUSES),
  detainee: z.string(),
  from: ZParty,
  to: ZParty,
  time: z.string(),
  signedBy: z.array(z.string()).describe('agency codes that have signed'),
  event: z.record(z.string(), z.unknown()).describe('the event as signed so far'),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  logIndex: z.number().nullable(),
  marking: z.string().optional().describe("the detainee's portion marking (in lists and reads)"),
});
export type THandover = z.infer<typeof ZHandover>;

export const ZHandoverListQuery = z.strictObject({
  status: z.enum(HANDOVER_STATUSES).default('pending'),
  role: z.enum(['any', 'releasing', 'receiving']).default('any').describe("the caller's agency's side"),
});
export type THandoverListQuery = z.input<typeof ZHandoverListQuery>;

function recordRequest<T extends SingleEventType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    detainee: ZIsn,
    time: ZCustodyTime.optional(),
    ...SINGLE_EVENT_SHAPES[type],
    place: ZCustodyCode.optional().describe('where the detainee is after the event (intake: required)'),
  });
}

/** Any custody event but a handover, as the current custodian records it (signed with its agency's key). */
export const ZRecordEventRequest = z.discriminatedUnion('type', [
  recordRequest('intake'), recordRequest('boards-aircraft'), recordRequest('leaves-aircraft'), recordRequest('change-of-aircraft'),
  recordRequest('lodging-at-staging'), recordRequest('redirect'), recordRequest('arrival-at-gate'), recordRequest('admitted-to-reception'),
  recordRequest('medical-event'), recordRequest('use-of-force'), recordRequest('serious-injury'), recordRequest('escape'),
  recordRequest('death-in-custody'), recordRequest('release'), recordRequest('repatriation'), recordRequest('escort-record'),
]);
export type TRecordEventRequest = z.input<typeof ZRecordEventRequest>;

/** One logged event, with its index in the log. */
export const ZLogEntry = z.object({ index: z.number(), event: ZCustodyEvent });
export type TLogEntry = z.infer<typeof ZLogEntry>;

/** A detainee's custody history: logged events, pending handovers, and whether the chain holds. */
export const ZTimeline = z.object({
  detainee: z.string(),
  marking: z.string().describe("the detainee's portion marking: the banner of everything the timeline shows"),
  entries: z.array(ZLogEntry.extend({ signedBy: z.array(z.string()), proof: z.enum(['verified', 'failed']) })),
  pending: z.array(ZHandover),
  custodian: z.object({ agency: z.string(), place: z.string() }).nullable(),
  chain: z.object({ ok: z.boolean(), fault: z.string().optional(), at: z.number().optional() }),
  checkpoint: z.object({ size: z.number(), root: z.string() }).nullable(),
});
export type TTimeline = z.infer<typeof ZTimeline>;

/** The log's current signed head. */
export const ZCheckpointInfo = z.object({ origin: z.string(), size: z.number(), root: z.string().describe('base64'), time: z.string().nullable(), note: z.string() });
export type TCheckpointInfo = z.infer<typeof ZCheckpointInfo>;

export const ZConsistencyQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
/** A consistency proof between two sizes, one base64 hash per element. */
export const ZConsistencyProof = z.object({ from: z.number(), to: z.number(), proof: z.array(z.string()) });
export type TConsistencyProof = z.infer<typeof ZConsistencyProof>;

/** What `custody verify` found. */
export const ZVerifyReport = z.object({
  ok: z.boolean(),
  size: z.number(),
  entries: z.number(),
  nodes: z.number(),
  checkpoints: z.number(),
  signatures: z.number().describe('event signatures checked (0 when skipped)'),
  witnessHeads: z.number(),
  firstBad: z.object({ index: z.number().nullable(), what: z.string(), reason: z.string() }).nullable(),
});
export type TVerifyReport = z.infer<typeof ZVerifyReport>;

/** A tree head an agency saw, to witness. */
export const ZWitnessRequest = z.strictObject({ checkpoint: z.string().min(1).max(10_000).describe('the signed checkpoint note, verbatim') });
export type TWitnessRequest = z.input<typeof ZWitnessRequest>;

/** A custody alert: a split view names both heads. */
export const ZCustodyAlert = z.object({ id: z.string(), kind: z.string(), agency: z.string().nullable(), detail: z.record(z.string(), z.unknown()), createdAt: z.string() });
export type TCustodyAlert = z.infer<typeof ZCustodyAlert>;

/** The answer to witnessing a head. */
export const ZWitnessResult = z.object({
  agency: z.string(),
  size: z.number(),
  root: z.string(),
  consistent: z.boolean(),
  alert: ZCustodyAlert.nullable(),
});
export type TWitnessResult = z.infer<typeof ZWitnessResult>;

/** The detainee bundle format tag. */
export const BUNDLE_FORMAT = 'sallyport.custody.bundle/1';

/** A detainee bundle (../shared/formats/custody.md): everything an offline checker needs. */
export const ZBundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  log: z.string(),
  agencies: z.record(z.string(), z.string()),
  detainee: z.string(),
  entries: z.array(z.strictObject({ index: z.number().int().min(0), event: z.record(z.string(), z.unknown()), proof: z.string() })),
});
export type TBundle = z.infer<typeof ZBundle>;

/** What the offline checker concluded. */
export const ZBundleCheck = z.object({
  ok: z.boolean(),
  detainee: z.string().nullable(),
  entries: z.number(),
  checkpoint: z.object({ origin: z.string(), size: z.number(), root: z.string() }).nullable(),
  custodian: z.object({ agency: z.string(), place: z.string() }).nullable(),
  problems: z.array(z.string()),
});
export type TBundleCheck = z.infer<typeof ZBundleCheck>;

/** One line of a streamed verification: progress, then the report. */
export const ZVerifyEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('result'), report: ZVerifyReport }),
]);
export type TVerifyEvent = z.infer<typeof ZVerifyEvent>;

export { ZPlaceHistory, type TPlaceHistory } from './history.schemas.js';

/** One recorded full verification of the log: when, who, over which head, and what it found. */
export const ZVerificationRun = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  runBy: z.string().describe('username'),
  agency: z.string().nullable().describe("the runner's agency code"),
  size: z.number().describe('the head size verified'),
  root: z.string().describe('the head root verified (base64)'),
  signatures: z.boolean().describe('event signatures and the chain of custody were checked too'),
  ok: z.boolean(),
  entries: z.number(),
  firstBad: z.object({ index: z.number().nullable(), what: z.string(), reason: z.string() }).nullable(),
});
export type TVerificationRun = z.infer<typeof ZVerificationRun>;

/** The log page: the current signed head, the last verification and the recent ones, the published keys' count. */
export const ZLogStatus = z.object({
  checkpoint: ZCheckpointInfo.nullable(),
  lastVerification: ZVerificationRun.nullable(),
  verifications: z.array(ZVerificationRun).describe('the newest runs, newest first'),
  growth: z.array(z.object({ at: z.string(), size: z.number() })).describe("the log's signed size at the end of each day with a checkpoint, oldest first"),
});
export type TLogStatus = z.infer<typeof ZLogStatus>;
