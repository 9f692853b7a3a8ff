// Issue 15, server refusals: a family member on a Spanish page reads the server's refusals in Spanish
// with their real reason. A Spanish tablet whose incoming views are lost on the way (a bad network)
// still shows "He terminado" after the facilitator has moved on; the tap is refused by the server
// (FORBIDDEN, reason not-speaker) and the notice says why in Spanish, where it said only a general
// "could not be done" before. A Spanish preparation page saves a letter longer than the limit; the
// server's validation refusal (INVALID, field text, too_big, 20000) reads in Spanish, naming the
// field and the limit; a module's check not passed reads the server's Spanish explanation once. Each screen: lang="es" and axe with no serious or critical violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, seriousViolations, type Device } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
let facilitator: Client;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
  // Ann reads Spanish; the interventionist set it on her.
  expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { language: 'es' })).status).toBe(200);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
});

afterAll(async () => {
  facilitator?.socket.disconnect();
  await browser?.close();
  await server?.close();
});

const local = (url: string) => server.url + new URL(url).pathname + new URL(url).hash;

async function blank(device: Device): Promise<Page> {
  const opened = await openPage(browser, device, 'about:blank');
  contexts.push(opened.context);
  opened.page.on('pageerror', (e) => errors.push(e.message));
  return opened.page;
}

/** A Spanish screen as it is now: lang="es", and axe finds nothing serious or critical. */
async function checkSpanish(page: Page, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang), name).toBe('es');
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

test('issue 15, server refusals case 12: a Spanish tablet’s refused tap says the real reason in Spanish', async () => {
  const ann = await blank('tablet');
  // Views from the server are lost on the way while `losing`; acks still arrive, as on a bad network.
  let losing = false;
  let routed = false;
  await ann.routeWebSocket(
    (url) => url.pathname.startsWith('/socket.io'),
    (ws) => {
      routed = true;
      const toServer = ws.connectToServer();
      toServer.onMessage((message) => {
        if (!(losing && /^42\["meeting:(state|agenda|you)"/.test(String(message)))) ws.send(message);
      });
    },
  );
  await ann.goto(local(fx.links.participants.find((l) => l.participantId === fx.ids.ann)!.url));
  await ann.getByRole('button', { name: 'Todo listo' }).waitFor();

  const send = async (payload: Record<string, unknown>) => expect(await facilitator.send(payload as never)).toMatchObject({ ok: true });
  await send({ type: 'meeting.start' });
  await send({ type: 'turns.begin' });
  const done = ann.getByRole('button', { name: 'He terminado' });
  await done.waitFor();
  // Socket.IO starts with HTTP polling and upgrades to the (routed) websocket: lose views only after that.
  await eventually(() => routed).toBe(true);
  await ann.waitForTimeout(1000);

  losing = true;
  await send({ type: 'turn.next' });
  // Ann's screen still shows her turn; the server has moved the floor on.
  await done.click();
  const notice = ann.getByRole('alert').getByText('Solo la persona que tiene la palabra puede terminar su turno.');
  await notice.waitFor();
  await checkSpanish(ann, 'tablet refusal');
  losing = false;
}, 60_000);

test('issue 15, server refusals case 13: a Spanish preparation page’s letter over the limit is refused in Spanish, naming the field and the limit', async () => {
  const made = await fx.api.post(`/api/cases/${fx.caseId}/participants/${fx.ids.ann}/prepare-link`, {});
  expect(made.status).toBe(201);
  const ann = await blank('phone');
  const answers: Array<{ status: number; error: unknown }> = [];
  ann.on('response', async (res) => {
    if (res.request().method() === 'PUT' && res.url().includes('/api/prepare/letter')) answers.push({ status: res.status(), error: (await res.json()).error });
  });
  await ann.goto(local(made.body.url));
  await ann.getByRole('heading', { name: 'Le damos la bienvenida, Ann' }).waitFor();
  // A module's check not passed: the server's explanation in Spanish, said once (it was "No exactamente." twice).
  await ann.getByRole('button', { name: 'Siguiente' }).click();
  await ann.getByRole('heading', { name: 'Un problema de salud que tiene tratamiento' }).waitFor();
  await ann.getByLabel('Que necesita más fuerza de voluntad').check();
  await ann.getByRole('button', { name: 'Listo' }).click();
  const feedback = ann.getByRole('status').filter({ hasText: /^No exactamente\. Querer dejarlo/ });
  await feedback.waitFor();
  expect(await feedback.textContent()).not.toMatch(/No exactamente\. No exactamente/);
  await ann.getByRole('button', { name: 'Atrás' }).click();
  await ann.getByRole('button', { name: 'Ir a mi carta' }).click();
  await ann.getByRole('heading', { name: 'Su carta' }).waitFor();
  await ann.getByLabel('Su carta').fill('Te quiero. '.repeat(1820));
  await ann.getByText('No se guardó: Hay demasiados caracteres en su texto: como máximo 20.000.').waitFor({ timeout: 15_000 });
  // A real refusal from the server, with its English beside the keys the page worded.
  expect(answers.at(-1)).toMatchObject({ status: 400, error: { code: 'INVALID', field: 'text', reason: 'too_big', limit: 20_000, message: expect.stringMatching(/^text: /) } });
  await checkSpanish(ann, 'prepare refusal');
  expect(errors).toEqual([]);
}, 60_000);
