import cliProgress from 'cli-progress';
import type { CliWritable } from './io.js';

/** How far a long command has got: `done` of `total` units (bytes, say), and the records handled. */
export interface ProgressReport {
  done: number;
  total?: number;
  records: number;
}

/** A progress indicator on stderr. `finish` shows completion; `stop` only releases the terminal (on failure). */
export interface Progress {
  update(p: ProgressReport): void;
  finish(): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  /** No indicator at all (machine output). */
  quiet: boolean;
  /** Plain mode: print a line every this many records when there is no total (default 10,000). */
  every?: number;
}

const silent: Progress = { update: () => undefined, finish: () => undefined, stop: () => undefined };

/** A bar redrawn in place, for a person at a terminal. */
function barOn(stream: CliWritable, label: string): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let last: ProgressReport = { done: 0, records: 0 };
  return {
    update(p) {
      last = p;
      if (!bar) {
        const format = p.total ? `${label} [{bar}] {percentage}% | {records} records | ETA {eta_formatted}` : `${label} {records} records | {duration_formatted}`;
        bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, fps: 10 }, cliProgress.Presets.shades_classic);
        bar.start(p.total ?? 0, p.done, { records: p.records });
      }
      bar.update(p.done, { records: p.records });
    },
    finish() {
      if (!bar) return;
      bar.update(last.total ?? last.done, { records: last.records });
      bar.stop();
      bar = undefined;
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Occasional plain lines (`loading: 40% (1200 records)`), for logs and pipes where a redrawn bar is noise. */
function linesOn(stream: CliWritable, label: string, every: number): Progress {
  let nextPercent = 10;
  let nextRecords = every;
  let last: ProgressReport | undefined;
  let printed: ProgressReport | undefined;
  const print = (p: ProgressReport) => {
    printed = p;
    const pct = p.total ? `${Math.floor((100 * p.done) / p.total)}% ` : '';
    stream.write(`${label} ${pct}(${p.records} records)\n`);
  };
  return {
    update(p) {
      last = p;
      if (p.total) {
        const pct = (100 * p.done) / p.total;
        if (pct < nextPercent) return;
        nextPercent = Math.floor(pct / 10) * 10 + 10;
      } else {
        if (p.records < nextRecords) return;
        nextRecords = Math.floor(p.records / every) * every + every;
      }
      print(p);
    },
    finish() {
      if (last && (printed?.records !== last.records || printed.done !== last.done)) print({ ...last, done: last.total ?? last.done });
    },
    stop: () => undefined,
  };
}

/**
 * The indicator for `stream`: nothing when quiet, a redrawn bar on a terminal, plain lines otherwise.
 */
export function progressOn(stream: CliWritable, opts: ProgressOptions): Progress {
  if (opts.quiet) return silent;
  return stream.isTTY ? barOn(stream, opts.label) : linesOn(stream, opts.label, opts.every ?? 10_000);
}
