import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliWritable } from './io.js';
import { progressOn } from './progress.js';

function sink(isTTY: boolean): { stream: CliWritable; text: () => string } {
  let text = '';
  const stream: CliWritable = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString('utf8');
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => text };
}

describe('progress on stderr', () => {
  it('prints a plain line every 10 % when stderr is not a terminal', () => {
    const s = sink(false);
    const p = progressOn(s.stream, { label: 'loading', quiet: false });
    for (let done = 0; done <= 1000; done += 50) p.update({ done, total: 1000, records: done / 10 });
    p.finish();
    const lines = s.text().trimEnd().split('\n');
    expect(lines[0]).toBe('loading 10% (10 records)');
    expect(lines.at(-1)).toBe('loading 100% (100 records)');
    expect(lines).toHaveLength(10);
  });

  it('counts records when there is no total, and prints nothing when quiet', () => {
    const s = sink(false);
    const p = progressOn(s.stream, { label: 'generating', quiet: false, every: 100 });
    for (let n = 1; n <= 250; n++) p.update({ done: n, records: n });
    p.finish();
    expect(s.text()).toBe('generating (100 records)\ngenerating (200 records)\ngenerating (250 records)\n');
    const q = sink(false);
    const quiet = progressOn(q.stream, { label: 'x', quiet: true });
    quiet.update({ done: 1, total: 1, records: 1 });
    quiet.finish();
    expect(q.text()).toBe('');
  });

  it('draws a bar on a terminal', () => {
    const s = sink(true);
    const p = progressOn(s.stream, { label: 'loading', quiet: false });
    p.update({ done: 500, total: 1000, records: 5 });
    p.finish();
    expect(s.text()).toContain('loading');
    expect(s.text()).toContain('100%');
  });
});
