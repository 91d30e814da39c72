import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Where a command writes its document: a file it owns, or stdout. */
export interface OutputTarget {
  stream: NodeJS.WritableStream;
  /** True when writing to stdout (nothing to close, no summary line there). */
  toStdout: boolean;
  /** Flushes and closes the file. */
  close(): Promise<void>;
  /** Closes and removes a half-written file, so a failed export leaves nothing that looks complete. */
  abort(): Promise<void>;
}

/**
 * Opens `path` for writing (owner-only permissions: exports hold personal data), or stdout when the path is
 * absent or `-`.
 * @throws UsageError when the file cannot be created.
 */
export async function openOutput(path: string | undefined, io: CliIo): Promise<OutputTarget> {
  if (path === undefined || path === '-') {
    return { stream: io.stdout, toStdout: true, close: async () => undefined, abort: async () => undefined };
  }
  const file = createWriteStream(path, { mode: 0o600 });
  try {
    await once(file, 'open');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`${path}: cannot create file (${code})`, [{ field: '--out', reason: `cannot create ${path} (${code})` }]);
  }
  return {
    stream: file,
    toStdout: false,
    close: async () => {
      file.end();
      await once(file, 'finish');
    },
    abort: async () => {
      file.destroy();
      await rm(path, { force: true });
    },
  };
}

/** Runs `fn` against the output and closes it; on failure, removes the partial file and rethrows. */
export async function writeOutput<T>(target: OutputTarget, fn: (out: NodeJS.WritableStream) => Promise<T>): Promise<T> {
  try {
    const result = await fn(target.stream);
    await target.close();
    return result;
  } catch (e) {
    await target.abort();
    throw e;
  }
}
