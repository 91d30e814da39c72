import type { TCustodyEvent, TSingleEvent } from './events.schemas.js';

/**
 * The chain of custody of one detainee, as a small state machine over the detainee's events in log order:
 * who holds the detainee and where. An intake opens custody; a handover passes it from the current custodian
 * (at the current place) to another; every other event is recorded by the current custodian; escape, death,
 * release and repatriation close it. The offline checker, the timeline and the use cases share these rules.
 */

/** Who holds a detainee and where, or null when no one does (before intake, after release). */
export type CustodyState = { agency: string; place: string } | null;

const CLOSING = new Set<TCustodyEvent['type']>(['escape', 'death-in-custody', 'release', 'repatriation']);

/** Where a single-custodian event requires the detainee to be beforehand, when it requires anything. */
function requiredPlace(e: TSingleEvent): string | undefined {
  if (e.type === 'boards-aircraft') return e.at;
  if (e.type === 'leaves-aircraft') return e.aircraft;
  if (e.type === 'change-of-aircraft') return e.fromAircraft;
  return undefined;
}

/** The fields of an event (or a request for one) that say where it leaves the detainee. */
export interface PlaceFields {
  type: TCustodyEvent['type'];
  at?: string | undefined;
  aircraft?: string | undefined;
  toAircraft?: string | undefined;
}

// Events that leave the detainee at the place they name in `at`.
const ARRIVES_AT = new Set<TCustodyEvent['type']>(['leaves-aircraft', 'lodging-at-staging', 'arrival-at-gate', 'admitted-to-reception']);

/** Where a single-custodian event leaves the detainee, as its custodian's `place` must say. */
export function placeAfter(e: PlaceFields): string | undefined {
  if (e.type === 'boards-aircraft') return e.aircraft;
  if (e.type === 'change-of-aircraft') return e.toAircraft;
  return ARRIVES_AT.has(e.type) ? e.at : undefined;
}

/** The custody state after `event`, or why `event` cannot follow `state`. */
export function applyEvent(state: CustodyState, event: TCustodyEvent): { state: CustodyState } | { fault: string } {
  if (event.type === 'intake') {
    if (state) return { fault: `intake while in the custody of ${state.agency}` };
    return { state: { agency: event.custodian.agency, place: event.custodian.place } };
  }
  if (!state) return { fault: `${event.type} with no one in custody (no intake before it)` };
  if (event.type === 'handover') {
    if (event.from.agency !== state.agency) return { fault: `released by ${event.from.agency}, but ${state.agency} held the detainee` };
    if (event.from.place !== state.place) return { fault: `released at ${event.from.place}, but the detainee was at ${state.place}` };
    if (event.to.agency === event.from.agency) return { fault: 'a handover between an agency and itself' };
    return { state: { agency: event.to.agency, place: event.to.place } };
  }
  if (event.custodian.agency !== state.agency) return { fault: `${event.type} recorded by ${event.custodian.agency}, but ${state.agency} held the detainee` };
  const before = requiredPlace(event);
  if (before !== undefined && before !== state.place) return { fault: `${event.type} from ${before}, but the detainee was at ${state.place}` };
  const after = placeAfter(event);
  const expected = after ?? state.place;
  if (event.custodian.place !== expected) return { fault: `${event.type}: the custodian's place is ${event.custodian.place}, expected ${expected}` };
  if (CLOSING.has(event.type)) return { state: null };
  return { state: { agency: state.agency, place: event.custodian.place } };
}

/** Folds a detainee's events in log order: the final state, or the position and reason of the first break. */
export function foldChain(events: readonly TCustodyEvent[]): { state: CustodyState } | { at: number; fault: string } {
  let state: CustodyState = null;
  for (let i = 0; i < events.length; i += 1) {
    const next = applyEvent(state, events[i]!);
    if ('fault' in next) return { at: i, fault: next.fault };
    state = next.state;
  }
  return { state };
}
