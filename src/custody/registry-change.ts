import type { TCustodyChange } from '../registry/index.js';
import type { TCustodyEvent } from './events.schemas.js';

/**
 * What a logged event changes in the detainee's registry record (custodian, place, status), or null when it
 * changes nothing there (a medical event, a redirect, an escort record).
 */
export function registryChangeOf(event: TCustodyEvent, detaineeId: string): TCustodyChange | null {
  switch (event.type) {
    case 'intake':
      return { detainee: detaineeId, custodian: event.custodian.agency, place: event.custodian.place };
    case 'handover':
      return { detainee: detaineeId, custodian: event.to.agency, place: event.to.place };
    case 'boards-aircraft':
    case 'leaves-aircraft':
    case 'change-of-aircraft':
    case 'lodging-at-staging':
    case 'arrival-at-gate':
    case 'admitted-to-reception':
      return { detainee: detaineeId, place: event.custodian.place };
    case 'escape':
      return { detainee: detaineeId, status: 'missing' };
    case 'death-in-custody':
      return { detainee: detaineeId, status: 'deceased' };
    case 'release':
      return { detainee: detaineeId, custodian: null, place: null, status: 'released' };
    case 'repatriation':
      return { detainee: detaineeId, custodian: null, place: null, status: 'repatriated' };
    case 'redirect':
    case 'medical-event':
    case 'use-of-force':
    case 'serious-injury':
    case 'escort-record':
      return null;
  }
}
