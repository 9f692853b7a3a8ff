// Drives the system Chromium (never a downloaded one) against a real server
// serving the built client, with helpers for screenshots and axe-core.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

export const SCREENSHOTS = resolve('test-results/screenshots');
const AXE = resolve('node_modules/axe-core/axe.min.js');

export function assertClientBuilt(): void {
  if (!existsSync(resolve('dist/client/index.html'))) {
    throw new Error('The client is not built: run `npm run build` first (npm test does it for you).');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type Device = 'laptop' | 'tablet' | 'phone' | 'tv';
const VIEWPORTS: Record<Device, { width: number; height: number }> = {
  laptop: { width: 1360, height: 900 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
  tv: { width: 1600, height: 900 },
};

/** A fresh browser context; page errors fail loudly instead of hiding. */
export async function openPage(browser: Browser, device: Device, url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // The pages run under the server's real Content-Security-Policy; a violation counts as an error.
  const context = await browser.newContext({ viewport: VIEWPORTS[device], reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

export interface ClockedServer {
  url: string;
  /** Move the server's clock forward; the laptop's clock stays where it is. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A real server whose clock the test can move, to see the countdown follow the server's time. */
export async function startClockedServer(env: Record<string, string> = {}): Promise<ClockedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-e2e-'));
  let skew = 0;
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://threshold.test', ...env });
  const { app } = await buildServer({ config, clock: () => Date.now() + skew });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    advance: (ms) => (skew += ms),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** expect.poll with room for a busy two-core machine (its default gives up after one second). */
export function eventually<T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) {
  return expect.poll(fn, { interval: 100, timeout: 10_000, ...options });
}

/** Signs the fixture's facilitator (dana@example.org) in on the sign-in form; the caller waits for what comes next. */
export async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('dana@example.org');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Counts the page's requests in flight from now on. `settled()` resolves once none has been in flight
 * for `quietMs` (real ms): the page's own loads are done, so a clock jump that follows lands after them.
 */
export function trackRequests(page: Page): { settled: (quietMs?: number, timeoutMs?: number) => Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  page.on('request', () => { inFlight++; lastChange = Date.now(); });
  const done = () => { inFlight = Math.max(0, inFlight - 1); lastChange = Date.now(); };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async settled(quietMs = 500, timeoutMs = 15_000) {
      const giveUp = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > giveUp) throw new Error(`the page still had ${inFlight} request(s) in flight after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
