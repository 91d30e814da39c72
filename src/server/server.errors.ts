import { defineErrors } from '../kernel/index.js';

/** Error codes of the HTTP layer itself (transport faults that no module throws). */
export const ServerErrors = defineErrors({
  MALFORMED_JSON: { kind: 'invalid', when: 'A request body declared as JSON does not parse; details give the parser reason.' },
  BODY_TOO_LARGE: { kind: 'invalid', when: 'A request body exceeds the route limit (1 MiB; 20 MiB for CSV imports; SALLYPORT_EVENT_IMPORT_LIMIT_MIB, default 2 GiB, for the streamed conflict-event import).' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'invalid', when: 'A request body has a content type the route does not accept.' },
  ROUTE_NOT_FOUND: { kind: 'not-found', when: 'No route answers the method and path of the request.' },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'conflict',
    when: 'An Idempotency-Key is sent again with a different method, path or body than the request it first answered.',
  },
  BAD_REQUEST: { kind: 'invalid', when: 'The request is malformed at the HTTP level (bad header, bad content length).' },
});
