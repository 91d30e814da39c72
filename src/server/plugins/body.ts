import { DomainError } from '../../kernel/index.js';
import { ServerErrors } from '../server.errors.js';
import type { SallyportApp } from '../types.js';

function jsonFault(body: string): string {
  try {
    JSON.parse(body);
  } catch (e) {
    return (e as Error).message;
  }
  // It parses, so the strict parser refused it for a `__proto__` or `constructor.prototype` key.
  return 'forbidden key __proto__ or constructor.prototype';
}

/**
 * JSON bodies parsed by Fastify's strict parser, but a malformed one answered with the parser's reason;
 * and the body as sent kept beside the validated one (`request.sentBody`), because route schemas apply
 * transforms (a marking's text becomes an object) and use cases validate the input as sent once more.
 */
export function installBodyParsing(app: SallyportApp): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    void parseJson(request, body, (err, value) => {
      if ((err as { code?: string } | null)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        const reason = jsonFault(body);
        done(new DomainError('invalid', ServerErrors.MALFORMED_JSON, `body: not valid JSON: ${reason}`, { field: 'body', reason, issues: [{ field: 'body', reason }] }), undefined);
        return;
      }
      done(err, value);
    });
  });
  app.decorateRequest('sentBody', undefined);
  app.addHook('preValidation', async (request) => {
    request.sentBody = request.body;
  });
}

/** Accepts `text/csv` bodies as text (registered only where a route imports CSV). */
export function acceptCsv(app: SallyportApp): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
}
