import { z } from 'zod';
import { isCountryCode, isIsn, isUlid } from '../kernel/index.js';
import { base64Length, isKeyName } from './base64.js';

/**
 * The custody events of the log, one zod schema per type (discriminated on `type`), modelled on production
 * prisoner-escort systems. Every event names the detainee (ISN), the time (RFC 3339 UTC) and carries the
 * Ed25519 signatures of the agencies that vouch for it; a handover names the releasing (`from`) and receiving
 * (`to`) custodians, every other event the `custodian` who records it. A party's `place` is where the
 * detainee is after the event: a facility code or an aircraft tail. Entries are re-validated when read back.
 */

/** RFC 3339 UTC with optional fractional seconds, e.g. `2026-01-12T06:30:00.000Z`. */
export const ZCustodyTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'RFC 3339 UTC time, e.g. 2026-01-12T06:30:00Z');
/** A signing key's name (a C2SP signed-note key name, e.g. `sallyport/agency/IRQ-MOJ`). */
export const ZKeyName = z.string().max(200).refine(isKeyName, 'a key name: no spaces, no plus sign');
/** An agency code, a facility code or an aircraft tail. */
export const ZCustodyCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'uppercase letters, digits and hyphens');
const ZIsn = z.string().refine(isIsn, 'not an ISN (expected SP-CC-000123)');
const ZUlid = z.string().refine(isUlid, 'not a ULID');
const ZTag = z.string().regex(/^[a-z0-9][a-z0-9:-]{0,39}$/, 'lowercase letters, digits, hyphens and colons');
const ZText = z.string().trim().min(1).max(1000);

/** A custodian: the agency (its code), the key it signs with, and where the detainee is. */
export const ZParty = z.strictObject({ agency: ZCustodyCode, key: ZKeyName, place: ZCustodyCode });
export type TParty = z.infer<typeof ZParty>;

/** One agency's Ed25519 signature over the event's canonical JSON without `signatures`. */
export const ZEventSignature = z.strictObject({
  key: ZKeyName,
  id: z.string().regex(/^[0-9a-f]{8}$/, 'the key ID: 8 hex digits'),
  sig: z.string().refine((s) => base64Length(s) === 64, 'a base64 Ed25519 signature (64 bytes)'),
});
export type TEventSignature = z.infer<typeof ZEventSignature>;

/** The short medical check at a handover or a medical event. */
export const ZCondition = z.strictObject({ status: z.enum(['fit', 'fit-with-needs', 'unfit']), notes: ZText.optional() });
/** The escort record (risk and needs assessment) that travels with the detainee; each handover confirms it. */
export const ZEscortRecord = z.strictObject({
  riskTier: z.enum(['low', 'medium', 'high', 'critical']),
  needs: z.array(ZTag).max(20),
  alerts: z.array(ZTag).max(20),
  notes: ZText.optional(),
});
export type TEscortRecord = z.infer<typeof ZEscortRecord>;
/** A biometric check of the person handed over against their enrollment. */
export const ZBiometric = z.strictObject({ modality: z.enum(['fingerprint', 'face', 'iris']), score: z.number().min(0).max(1) });
/** A witness to a handover. */
export const ZWitness = z.strictObject({ name: z.string().trim().min(1).max(200), agency: ZCustodyCode.optional(), role: z.string().trim().min(1).max(80).optional() });

const base = { id: ZUlid, detainee: ZIsn, time: ZCustodyTime, signatures: z.array(ZEventSignature).min(1).max(4) };
const single = { ...base, custodian: ZParty };

/** A handover between two agencies; complete only with both signatures. */
export const ZHandoverEvent = z.strictObject({
  type: z.literal('handover'), ...base, from: ZParty, to: ZParty, condition: ZCondition,
  biometric: ZBiometric.optional(), witnesses: z.array(ZWitness).max(10), escort: ZEscortRecord,
});

/** Every type of custody event but the handover, with the fields proper to it. */
export const SINGLE_EVENT_SHAPES = {
  intake: { condition: ZCondition.optional(), escort: ZEscortRecord.optional() },
  'boards-aircraft': { aircraft: ZCustodyCode, at: ZCustodyCode },
  'leaves-aircraft': { aircraft: ZCustodyCode, at: ZCustodyCode },
  'change-of-aircraft': { fromAircraft: ZCustodyCode, toAircraft: ZCustodyCode, at: ZCustodyCode },
  'lodging-at-staging': { at: ZCustodyCode, reason: ZText.optional() },
  redirect: { destination: ZCustodyCode, reason: ZText },
  'arrival-at-gate': { at: ZCustodyCode },
  'admitted-to-reception': { at: ZCustodyCode },
  'medical-event': { condition: ZCondition, description: ZText },
  'use-of-force': { force: z.enum(['restraint', 'handcuffs', 'physical', 'other']), description: ZText, injuries: z.boolean() },
  'serious-injury': { description: ZText, treatment: ZText.optional() },
  escape: { description: ZText },
  'death-in-custody': { description: ZText },
  release: { reason: ZText, releasedTo: ZText.optional() },
  repatriation: { country: z.string().refine(isCountryCode, 'ISO 3166-1 alpha-3'), receivingAuthority: ZText },
  'escort-record': { escort: ZEscortRecord },
} as const;

/** The type of an event recorded by one custodian (every type but `handover`). */
export type SingleEventType = keyof typeof SINGLE_EVENT_SHAPES;
/** Every single-custodian event type. */
export const SINGLE_EVENT_TYPES = Object.keys(SINGLE_EVENT_SHAPES) as SingleEventType[];

function singleEvent<T extends SingleEventType>(type: T) {
  return z.strictObject({ type: z.literal(type), ...single, ...SINGLE_EVENT_SHAPES[type] });
}

/** Any custody log entry, discriminated on `type`. */
export const ZCustodyEvent = z.discriminatedUnion('type', [
  ZHandoverEvent,
  singleEvent('intake'), singleEvent('boards-aircraft'), singleEvent('leaves-aircraft'), singleEvent('change-of-aircraft'),
  singleEvent('lodging-at-staging'), singleEvent('redirect'), singleEvent('arrival-at-gate'), singleEvent('admitted-to-reception'),
  singleEvent('medical-event'), singleEvent('use-of-force'), singleEvent('serious-injury'), singleEvent('escape'),
  singleEvent('death-in-custody'), singleEvent('release'), singleEvent('repatriation'), singleEvent('escort-record'),
]);
/** A custody log entry. */
export type TCustodyEvent = z.infer<typeof ZCustodyEvent>;
/** A handover entry. */
export type THandoverEvent = z.infer<typeof ZHandoverEvent>;
/** An entry recorded by one custodian. */
export type TSingleEvent = Exclude<TCustodyEvent, THandoverEvent>;
/** Every event type. */
export const CUSTODY_EVENT_TYPES = ['handover', ...SINGLE_EVENT_TYPES] as const;
/** An event without its signatures: what each agency signs. */
export type TUnsignedEvent = TCustodyEvent extends infer E ? (E extends TCustodyEvent ? Omit<E, 'signatures'> : never) : never;
