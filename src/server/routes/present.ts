import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Path parameter of a record: its id, or its natural key (an ISN, a facility code). */
export const ZIdParams = z.strictObject({ id: z.string().min(1).max(200).describe('id, or ISN / code') });

/** A list answer. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/**
 * The body as the client sent it. The route schema has validated it; the use case validates it again on its
 * own terms, so it receives the input before the schema's transforms (which turn a marking's text into an
 * object the use case would not accept a second time).
 */
export function sentBody<T>(request: FastifyRequest): T {
  return request.sentBody as T;
}

/**
 * Streams records as NDJSON, one line per record, each serialized through `schema`. The first record is read
 * before the answer starts, so a refusal (forbidden, invalid filter) is still answered with a problem.
 */
export async function sendNdjson<S extends z.ZodType>(reply: FastifyReply, records: AsyncIterable<z.output<S>>, schema: S): Promise<FastifyReply> {
  const it = records[Symbol.asyncIterator]();
  const first = await it.next();
  async function* lines(): AsyncGenerator<string> {
    try {
      for (let r = first; !r.done; r = await it.next()) yield `${JSON.stringify(z.encode(schema, r.value))}\n`;
    } finally {
      // A client that hangs up early stops the reads behind the stream.
      await it.return?.();
    }
  }
  return reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
}
