import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { contextFor, operatorPrincipal, type Ctx } from '../../src/access/index.js';
import { systemClock } from '../../src/kernel/index.js';
import { keyringFor } from '../../src/custody/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../../src/scenario/index.js';
import { startServer, type ServerHandle } from '../../src/server/index.js';
import { userCtx } from '../support/scenario.js';
import { openTestStore, type TestStore } from '../support/stores.js';

/** The demo password of the e2e scenario's users. */
export const PASSWORD = 'e2e-demo-password-0123';
/** Where the browser tests save screenshots of the main pages (gitignored), for a reviewer to open. */
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

// Debian's chromium, driven by playwright-core; no profile directory of its own (playwright makes a temporary one).
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** A browser test's world: a loaded scenario on a temporary SQLite store, the real server over it, a browser. */
export interface E2eWorld {
  url: string;
  store: TestStore;
  server: ServerHandle;
  browser: Browser;
  /** The use-case context of a scenario user, to ask the store what that user may see. */
  ctxOf(username: string): Promise<Ctx>;
  close(): Promise<void>;
}

async function* scenarioLines(): AsyncGenerator<string> {
  // The reference prisons, camps and hubs with a small population: enough rows for several list pages.
  for (const r of generateScenario({ seed: 'e2e', detainees: 1200, aircraft: 4, campResidents: 200 })) yield serializeRecord(r);
}

/** Loads the scenario, starts the server on a free loopback port and launches chromium. */
export async function openE2eWorld(): Promise<E2eWorld> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const store = await openTestStore('sqlite');
  // The keyring the server will use (files beside the store), as `npm start` loads it: agencies can sign at once.
  await loadScenario(contextFor(store.db, operatorPrincipal('USA'), systemClock), scenarioLines(), { demoPassword: PASSWORD, keyring: keyringFor(store.url) });
  const server = await startServer({ databaseUrl: store.url, port: 0, host: '127.0.0.1' }, { logger: false, handleSignals: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    url: server.url,
    store,
    server,
    browser,
    ctxOf: (username) => userCtx(store.db, username),
    close: async () => {
      await browser.close();
      await server.close();
      await store.drop();
    },
  };
}

/** A fresh browser context (its own cookies) with one page, at a desktop size. */
export async function newPage(world: E2eWorld): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: world.url, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

/** One signed-in browser session over a fresh world: what most browser tests open in `beforeAll`. */
export interface E2eSession {
  world: E2eWorld;
  context: BrowserContext;
  page: Page;
}

/** Loads the world, opens a page and logs `username` in. Close it with `closeSession`. */
export async function openSession(username: string): Promise<E2eSession> {
  const world = await openE2eWorld();
  const { context, page } = await newPage(world);
  await logIn(page, username);
  return { world, context, page };
}

/** Closes what `openSession` opened; safe on a session that failed half way. */
export async function closeSession(s: Partial<E2eSession> | undefined): Promise<void> {
  await s?.context?.close();
  await s?.world?.close();
}

/** From the airlift page, plans the loaded scenario and opens the new plan's page (planning takes a while). */
export async function openScenarioPlan(page: Page): Promise<void> {
  await page.goto('/airlift');
  await page.getByTestId('plan-scenario').click();
  const link = page.getByTestId('plans-table').getByRole('link').first();
  await link.waitFor({ timeout: 120_000 });
  await link.click();
}

/** Logs `username` in through the login form and waits for the signed-in shell. */
export async function logIn(page: Page, username: string, shot?: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  if (shot) await page.screenshot({ path: join(SCREENSHOTS, shot) });
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-name').waitFor();
  expect(new URL(page.url()).pathname).not.toBe('/login');
}

/** The texts of the top and bottom classification banners. */
export async function banners(page: Page): Promise<[string, string]> {
  return [await page.getByTestId('banner-top').innerText(), await page.getByTestId('banner-bottom').innerText()];
}

/** Saves a screenshot of the window (as a user sees it, banners pinned top and bottom) under test/e2e/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}
