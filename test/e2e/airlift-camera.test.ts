import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvePlan, planAirlift, planSorties, reconcile, savePlan, setSortieStatus, showSortie, wristbandCode } from '../../src/airlift/index.js';
import { logIn, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// The scan page's camera path: Chromium's fake camera plays a video of a wristband's QR code, the page reads it
// (jsQR on the frames), queues the scan and syncs it; the person is then aboard.
const USER = 'jtf.s';

/**
 * A short Y4M video (4:2:0, 640×480) showing the QR code of `text` as printed on a wristband: the qrcode
 * package's module matrix, black on white with a quiet zone, in every frame.
 */
function qrVideo(text: string, file: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [W, H] = [640, 480];
  const quiet = 4;
  const scale = Math.floor(400 / (modules.size + 2 * quiet));
  const side = (modules.size + 2 * quiet) * scale;
  const [x0, y0] = [Math.floor((W - side) / 2), Math.floor((H - side) / 2)];
  const luma = Buffer.alloc(W * H, 235);
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) luma.fill(16, (y0 + (r + quiet) * scale + dy) * W + x0 + (c + quiet) * scale, (y0 + (r + quiet) * scale + dy) * W + x0 + (c + quiet + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

describe('the scan page reads a wristband from the camera', () => {
  let world: E2eWorld;
  let dir: string;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    world = await openE2eWorld();
    dir = mkdtempSync(join(tmpdir(), 'sallyport-camera-'));
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('boards the person whose wristband the camera sees', async () => {
    const ctx = await world.ctxOf(USER);
    const saved = await savePlan(ctx, { plan: await planAirlift(ctx, { allowUndelivered: true }) });
    await approvePlan(ctx, saved.id);
    const sortie = (await planSorties(ctx, saved.id))[0]!;
    await setSortieStatus(ctx, sortie.id, { status: 'boarding' });
    const isn = (await showSortie(ctx, sortie.id)).manifest[0]!.isn;
    const video = join(dir, 'wristband.y4m');
    qrVideo(wristbandCode(isn), video);

    // This test's own Chromium: the harness's flags plus a fake camera playing the video, permission granted.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium', headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: world.url, locale: 'en-GB' });
    page = await context.newPage();
    await logIn(page, USER);
    await page.goto(`/airlift/scan?sortie=${sortie.id}`);
    await page.getByTestId('scan-input').waitFor();
    await page.getByLabel('Use the camera').check();
    await page.getByLabel('camera', { exact: true }).waitFor();
    await page.getByTestId('scan-log').getByText(`${isn}: queued`).first().waitFor({ timeout: 30_000 });
    await page.getByTestId('scan-log').getByText(new RegExp(`${isn}: boarded`)).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'airlift-scan-camera.png');
    await page.getByLabel('Use the camera').uncheck();
    expect((await reconcile(ctx, saved.id)).byKind.aircraft).toBe(1);
    const stored = await world.store.db.selectFrom('airlift_scans').select(['isn', 'source', 'kind']).where('isn', '=', isn).execute();
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(stored[0]).toMatchObject({ isn, source: 'camera', kind: 'board' });
  }, 240_000);
});
