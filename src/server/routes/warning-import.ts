import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../kernel/index.js';
import { importEvents, ZImportResult } from '../../warning/index.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { ServerErrors } from '../server.errors.js';

/** The default cap on one event import's body: 2 GiB (a year of ACLED for the whole world is about 1 GiB). */
export const DEFAULT_EVENT_IMPORT_LIMIT = 2 * 1024 * 1024 * 1024;

/** Options of the event import route. */
export interface EventImportOptions {
  /** Largest body accepted, in bytes (SALLYPORT_EVENT_IMPORT_LIMIT_MIB). */
  limit?: number | undefined;
}

const ZImportQuery = z.strictObject({ marking: z.string().min(1).max(200).default('U').describe('portion mark of rows without a marking column (ACLED data is public: U)') });
// The body is never held as one value: the route reads the request stream itself (see `spool`).
const ZCsvStream = z.unknown().meta({ type: 'string', format: 'binary', description: 'CSV text in ACLED\'s column layout (text/csv), streamed; any size up to the server\'s limit' });

function tooLarge(limit: number): DomainError {
  const reason = `larger than ${limit} bytes (SALLYPORT_EVENT_IMPORT_LIMIT_MIB)`;
  return new DomainError('invalid', ServerErrors.BODY_TOO_LARGE, `body: ${reason}`, { field: 'body', reason, issues: [{ field: 'body', reason }] });
}

/** The request body copied to a file, with its SHA-256 and size. */
interface Spooled {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Copies the request stream to a private temporary file, hashing and counting as it goes, and stops at
 * `limit` bytes. Why a file and not straight into the import: the import runs in one transaction, and on
 * SQLite that holds the only connection; a slow client would then hold every other request for as long as
 * its upload takes. From the file, the import reads at disk speed, still a batch at a time.
 */
async function spool(body: Readable, dir: string, limit: number): Promise<Spooled> {
  const hash = createHash('sha256');
  let bytes = 0;
  const path = join(dir, 'body.csv');
  // On an oversized body the request stream is left unread rather than destroyed (which would close the
  // socket before the 413 is sent).
  async function* limited() {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw tooLarge(limit);
      hash.update(chunk);
      yield chunk;
    }
  }
  await pipeline(limited, createWriteStream(path, { mode: 0o600 }));
  return { path, sha256: hash.digest('hex'), bytes };
}

/**
 * `POST /api/warning/events/import`: ACLED-layout CSV streamed as `text/csv`, of any size up to a configurable
 * limit (default 2 GiB); parsed a batch at a time in one transaction, all or nothing, every bad line reported.
 */
export const eventImportRoute: FastifyPluginAsyncZod<EventImportOptions> = async (app, opts) => {
  const limit = opts.limit ?? DEFAULT_EVENT_IMPORT_LIMIT;
  // The body stays a stream: this parser hands it on unread, so no body limit of Fastify's applies.
  app.addContentTypeParser('text/csv', (_request, payload, done) => {
    done(null, payload);
  });
  app.post('/api/warning/events/import', {
    // Refused before the body is read when it is not CSV, or says it is larger than the limit.
    preParsing: async (request) => {
      if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
        throw new DomainError('invalid', ServerErrors.UNSUPPORTED_MEDIA_TYPE, 'Content-Type: this route takes text/csv', { field: 'Content-Type', reason: 'expected text/csv' });
      }
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
    },
    schema: {
      tags: ['early warning'],
      summary: 'Import conflict events from CSV in ACLED\'s column layout, streamed, all or nothing (details.lines lists every bad line)',
      consumes: ['text/csv'], headers: ZIdempotencyHeaders, querystring: ZImportQuery, body: ZCsvStream, response: { 200: ZImportResult },
    },
  }, async (request, reply) => {
    const dir = await mkdtemp(join(tmpdir(), 'sallyport-events-'));
    try {
      let body: Spooled;
      try {
        body = await spool(request.body as Readable, dir, limit);
      } catch (e) {
        // What is left of an oversized body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        throw e;
      }
      // The idempotency key is matched on the body's hash, not on the body held in memory.
      request.sentBody = `sha256:${body.sha256}`;
      return await idempotentWrite(request, reply, {
        schema: ZImportResult, status: 200,
        run: (ctx) => importEvents(ctx, createReadStream(body.path, { highWaterMark: 256 * 1024 }), { marking: request.query.marking }),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
};
