/**
 * What the CLI reads and writes, passed in rather than taken from `process`, so tests run the whole program
 * in-process and the program never touches a global stream or the environment on its own.
 */

/** A stream the CLI writes text to: process.stdout, process.stderr, a file, or a test's collector. */
export type CliWritable = NodeJS.WritableStream & { isTTY?: boolean };

/** A stream the CLI may read a secret from (a password piped on stdin). */
export type CliReadable = NodeJS.ReadableStream & { isTTY?: boolean };

/** The process around one CLI run. */
export interface CliIo {
  stdout: CliWritable;
  stderr: CliWritable;
  /** The environment: DATABASE_URL, SALLYPORT_USER, SALLYPORT_COUNTRY, SALLYPORT_DEMO_PASSWORD, … */
  env: Readonly<Record<string, string | undefined>>;
  /** Where `users add` reads a password when no `--password-env` is given; absent means none. */
  stdin?: CliReadable;
  /** Stops a long-running command (`serve`) besides SIGINT and SIGTERM; tests use it. */
  signal?: AbortSignal;
}

/** Writes `text` and waits for the stream to drain when its buffer is full, so big exports stay in bounded memory. */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (out.write(text)) return;
  await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Writes one line (a newline is added). */
export async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  await write(out, `${line}\n`);
}

/**
 * Takes the first step of `source` now and returns an iterable over all of it. A generator that checks
 * access on its first step fails here, before the caller creates an output file.
 */
export async function started<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let step = first; !step.done; step = await it.next()) yield step.value;
      } finally {
        await it.return?.();
      }
    },
  };
}
