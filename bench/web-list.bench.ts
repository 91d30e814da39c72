/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { systemClock } from '../src/kernel/index.js';
import { contextFor, operatorPrincipal } from '../src/access/index.js';
import { keyringFor } from '../src/custody/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { startServer, type ServerHandle } from '../src/server/index.js';
import { ensureWebBuilt } from '../scripts/web-build.js';

const PASSWORD = 'bench-password-1234';
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** What one scroll run saw: each frame's duration, how far it got, and what the page held at the end. */
interface ScrollRun {
  frames: number[];
  reachedRow: number;
  loadingFrames: number;
  domRows: number;
  heapMb: number | null;
}

/**
 * Scrolls `selector` down by `step` px a frame until its end (all rows loaded) or `seconds` pass, timing every
 * animation frame. Rows not yet fetched show "Loading more…": frames that show one are counted.
 */
async function scrollRun(page: Page, selector: string, step: number, seconds: number): Promise<ScrollRun> {
  return page.evaluate(async ({ selector, step, seconds }) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`no ${selector}`);
    const frames: number[] = [];
    let loadingFrames = 0;
    const until = performance.now() + seconds * 1000;
    let last = performance.now();
    await new Promise<void>((resolve) => {
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        if (el.querySelector('.vrow-loading')) loadingFrames += 1;
        const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1 && !el.querySelector('.vrow-loading');
        if (now >= until || (atEnd && el.scrollHeight > el.clientHeight * 2)) return resolve();
        el.scrollTop += step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[role="row"]'));
    const reachedRow = Math.max(0, ...rows.map((r) => Number(r.getAttribute('aria-rowindex') ?? 0) - 1));
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return { frames: frames.slice(1), reachedRow, loadingFrames, domRows: rows.length, heapMb: memory ? memory.usedJSHeapSize / 1e6 : null };
  }, { selector, step, seconds });
}

/**
 * Drags the list's scroll position to each of `rows` in turn (as a reader dragging the scrollbar would) and
 * times how long until every row in view has arrived, timing the frames meanwhile.
 */
async function jumpRun(page: Page, selector: string, rows: number[], rowHeight: number): Promise<{ waits: number[]; frames: number[] }> {
  return page.evaluate(async ({ selector, rows, rowHeight }) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`no ${selector}`);
    const waits: number[] = [];
    const frames: number[] = [];
    for (const row of rows) {
      const start = performance.now();
      el.scrollTop = row * rowHeight;
      let last = start;
      await new Promise<void>((resolve) => {
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          const shown = el.querySelectorAll('[role="row"]').length > 0;
          if ((shown && !el.querySelector('.vrow-loading')) || now - start > 30_000) return resolve();
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      waits.push(performance.now() - start);
    }
    return { waits, frames };
  }, { selector, rows, rowHeight });
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

function describeRun(name: string, r: ScrollRun): string {
  const long = r.frames.filter((f) => f > 50).length;
  return `${name}: ${r.frames.length} frames, p50 ${quantile(r.frames, 0.5).toFixed(1)} ms, p95 ${quantile(r.frames, 0.95).toFixed(1)} ms, ` +
    `p99 ${quantile(r.frames, 0.99).toFixed(1)} ms, max ${Math.max(...r.frames).toFixed(0)} ms, frames over 50 ms ${((long / Math.max(1, r.frames.length)) * 100).toFixed(1)} %`;
}

/**
 * The detainee list in the browser with BENCH_WEB_DETAINEES detainees (default 100,000; DESIGN.md: "the web
 * UI lists 100,000 rows smoothly"): Debian's chromium scrolls the virtualised list steadily for
 * BENCH_WEB_SECONDS (10 rows a frame), then jumps to 20 rows spread over the whole list, as a reader dragging the
 * scrollbar; every animation frame is timed, and each jump until its rows are shown. Baseline, in the same browser
 * and run: the same scroll over a plain element of the same height with no rows (this machine's frame floor).
 * Prints frame-time quantiles, the share of long frames (> 50 ms), how far the list got, the rows in the DOM
 * at the end and the page's JS heap.
 */
export async function benchWebList(): Promise<void> {
  const detainees = Number(process.env.BENCH_WEB_DETAINEES ?? 100_000);
  const seconds = Number(process.env.BENCH_WEB_SECONDS ?? 15);
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-web-'));
  const databaseUrl = `sqlite:${join(dir, 'web.db')}`;
  let server: ServerHandle | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const store = await openStore(databaseUrl);
    await migrateToLatest(store);
    const ctx = contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'bench' });
    async function* lines(): AsyncGenerator<string> {
      for (const r of generateScenario({ seed: 'bench-web', detainees, campResidents: 1000 })) yield serializeRecord(r);
    }
    let t = performance.now();
    await loadScenario(ctx, lines(), { demoPassword: PASSWORD, keyring: keyringFor(databaseUrl) });
    await store.close();
    process.stdout.write(`scenario with ${detainees} detainees loaded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    server = await startServer({ databaseUrl, port: 0, host: '127.0.0.1' }, { logger: false, handleSignals: false });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.url, locale: 'en-GB' });
    const login = await context.request.post('/api/auth/login', { data: { username: 'jtf.ts', password: PASSWORD } });
    if (login.status() !== 200) throw new Error(`login: ${login.status()} ${await login.text()}`);
    // tsx compiles this file keeping function names (`__name(fn, "tick")`): give the page that helper, so the
    // functions handed to page.evaluate run there as written.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();

    // Baseline: a plain scrolling element of the list's full height, nothing in it.
    await page.goto('/');
    await page.evaluate((height) => {
      const el = document.createElement('div');
      el.id = 'baseline';
      el.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:9999';
      el.innerHTML = `<div style="height:${height}px"></div>`;
      document.body.append(el);
    }, (detainees + 1) * 40);
    const baseline = await scrollRun(page, '#baseline', 2000, 5);

    await page.goto('/detainees');
    await page.getByTestId('detainee-total').waitFor();
    await page.locator('.vtable-body [role="row"]').first().waitFor();
    const shown = Number((await page.getByTestId('detainee-total').innerText()).replace(/[^0-9]/g, ''));
    t = performance.now();
    // 400 px a frame: 10 rows a frame, about 600 rows a second at 60 frames a second (a fast flick of the wheel).
    const list = await scrollRun(page, '.vtable-body', 400, seconds);
    const ms = performance.now() - t;
    // Then straight to rows anywhere in the list, as a reader dragging the scrollbar: 20 spread positions.
    const targets = Array.from({ length: 20 }, (_, i) => Math.floor(((i * 7919) % 20) / 20 * (shown - 30)));
    const jumps = await jumpRun(page, '.vtable-body', targets, 40);
    process.stdout.write(
      `${describeRun('baseline (empty element, same height)', baseline)}\n` +
        `${describeRun('detainee list, steady scroll', list)}\n` +
        `list: ${shown.toLocaleString('en-GB')} rows shown to jtf.ts; scrolled to row ${list.reachedRow.toLocaleString('en-GB')} in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round((list.reachedRow / ms) * 1000)} rows/s), frames showing a row still loading ${list.loadingFrames}, rows in the DOM ${list.domRows}, ` +
        `JS heap ${list.heapMb === null ? 'n/a' : `${list.heapMb.toFixed(0)} MB`}\n` +
        `${describeRun('detainee list, 20 jumps anywhere', { ...list, frames: jumps.frames })}\n` +
        `jump to any row until its rows are shown: p50 ${quantile(jumps.waits, 0.5).toFixed(0)} ms, max ${Math.max(...jumps.waits).toFixed(0)} ms\n` +
        `ratio p95 frame, steady scroll / baseline: ${(quantile(list.frames, 0.95) / Math.max(1, quantile(baseline.frames, 0.95))).toFixed(2)}\n`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
