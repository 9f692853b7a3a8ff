// A newcomer's trial, the family pages' findings, in a browser:
// 1. after an emergency stop and the meeting's close, a personal link of someone who was in it
//    shows the crisis guidance again (911, 988 and its Spanish sentence), in the person's language,
//    on a device where nobody chose one (finding 2 carries the language with the refusal);
// 3. "Necesito un momento" pressed while the tablet reconnects is held, said calmly, and sent once
//    the connection is back;
// 4. at 1024 px the reconnecting banner no longer covers the "English" button;
// 5. a name of only spaces on the shared remote link says what is wrong, in the page's language.
// Each screen: axe with no serious or critical violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations, type Device } from './browser.js';

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
  // Ann reads Spanish: the interventionist set it on her; nobody presses "Español" on her devices.
  expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { language: 'es' })).status).toBe(200);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
});

afterAll(async () => {
  facilitator?.socket.disconnect();
  await browser?.close();
  await server?.close();
});

const local = (url: string) => server.url + new URL(url).pathname + new URL(url).hash;
const linkOf = (participantId: string) => local(fx.links.participants.find((l) => l.participantId === participantId)!.url);

async function open(device: Device, url: string): Promise<Page> {
  const opened = await openPage(browser, device, url);
  contexts.push(opened.context);
  opened.page.on('pageerror', (e) => errors.push(e.message));
  return opened.page;
}

async function accessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('family findings 3 and 4: a need-a-moment pressed while reconnecting is held and sent when back; the banner covers no button at 1024 px', async () => {
  const ann = await open('tablet', linkOf(fx.ids.ann));
  await ann.setViewportSize({ width: 1024, height: 768 });
  await ann.getByRole('button', { name: 'Todo listo' }).waitFor();
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  await ann.locator('main[data-phase="opening"]').waitFor();

  await ann.context().setOffline(true);
  const banner = ann.getByText('Reconectando… La pantalla se pondrá al día sola.');
  await banner.waitFor();
  // Finding 4: the banner and the language buttons each have their own place.
  const bannerBox = (await banner.boundingBox())!;
  for (const name of ['English', 'Español']) {
    const box = (await ann.locator('[data-language-switch]').getByRole('button', { name }).boundingBox())!;
    expect(overlaps(bannerBox, box), `the banner covers "${name}"`).toBe(false);
  }

  // Finding 3: the button stays usable; pressed, it is held and the screen says so calmly.
  const moment = ann.getByRole('button', { name: 'Necesito un momento' });
  expect(await moment.isEnabled()).toBe(true);
  await moment.click();
  await ann.locator('[data-moment-held]').getByText('Se enviará en cuanto vuelva la conexión.').waitFor();
  await accessible(ann, 'family-fixes-tablet-moment-held');
  await ann.waitForTimeout(500);
  expect((facilitator.view as FacilitatorView).signals).toEqual([]);

  await ann.context().setOffline(false);
  await facilitator.waitFor((v) => (v as FacilitatorView).signals.some((s) => s.participantId === fx.ids.ann && s.kind === 'need-a-moment'), 15_000);
  await ann.getByText('Se ha avisado a su especialista en intervención, con discreción.').waitFor({ timeout: 15_000 });
  expect(await ann.locator('[data-moment-held]').count()).toBe(0);
  // Sent once, not twice.
  expect((facilitator.view as FacilitatorView).signals.filter((s) => s.participantId === fx.ids.ann)).toHaveLength(1);
  await accessible(ann, 'family-fixes-tablet-moment-sent');
}, 90_000);

test('family finding 5: a name of only spaces on the shared remote link says what is wrong, in Spanish', async () => {
  const guest = await open('phone', local(fx.links.remote.url));
  await guest.getByRole('heading', { name: 'Join the family meeting' }).waitFor();
  await guest.getByRole('button', { name: 'Español' }).click();
  await guest.getByLabel('Su nombre').fill('   ');
  await guest.getByRole('button', { name: 'Unirme' }).click();
  await guest.getByRole('alert').getByText('Por favor, díganos su nombre para que su especialista en intervención sepa quién se une.').waitFor();
  expect(await guest.getByLabel('Su nombre').getAttribute('aria-invalid')).toBe('true');
  // Still asking: nobody was sent to the lobby with no name.
  await guest.getByRole('heading', { name: 'Unirse a la reunión familiar' }).waitFor();
  expect(await guest.evaluate(() => document.documentElement.lang)).toBe('es');
  await accessible(guest, 'family-fixes-remote-blank-name');
}, 60_000);

test('family findings 1 and 2: after a safety stop and the close, a personal link shows the crisis guidance again, in its person’s language', async () => {
  const bob = await open('tablet', linkOf(fx.ids.bob));
  await bob.locator('main[data-phase]').waitFor();
  for (const type of ['emergency.stop', 'meeting.close']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  await bob.locator('[data-screen="ended"], [data-screen="crisis"]').first().waitFor();

  // Bob (English) reloads his tablet: the crisis guidance, not "This link can’t open the meeting".
  await bob.reload();
  const bobCrisis = bob.locator('[data-screen="crisis"]');
  await bobCrisis.getByRole('heading', { name: 'The meeting has stopped for everyone’s safety' }).waitFor();
  await bobCrisis.getByRole('link', { name: '911' }).waitFor();
  await bobCrisis.getByRole('link', { name: '988' }).waitFor();
  expect(await bob.getByText('This link can’t open the meeting').count()).toBe(0);
  await accessible(bob, 'family-fixes-tablet-stopped-reload');

  // Ann's link opened on a device where nobody chose a language: Spanish, from the refusal itself.
  const ann = await open('tablet', linkOf(fx.ids.ann));
  const annCrisis = ann.locator('[data-screen="crisis"]');
  await annCrisis.getByRole('heading', { name: 'La reunión se ha detenido por la seguridad de todos' }).waitFor();
  await annCrisis.getByRole('link', { name: '911' }).waitFor();
  await annCrisis.getByRole('link', { name: '988' }).waitFor();
  await annCrisis.getByText('marque 2, o envíe la palabra AYUDA', { exact: false }).waitFor();
  await eventually(() => ann.evaluate(() => document.documentElement.lang)).toBe('es');
  await accessible(ann, 'family-fixes-tablet-stopped-es');

  // Cy was never let in: the meeting has simply ended for him, and nothing says how.
  const cy = await open('phone', local(fx.links.participants.find((l) => l.participantId === fx.ids.cy)!.url));
  await cy.getByRole('heading', { name: 'This link can’t open the meeting' }).waitFor();
  expect(await cy.locator('[data-screen="crisis"]').count()).toBe(0);
  expect(errors).toEqual([]);
}, 90_000);
