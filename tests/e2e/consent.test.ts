// Issue 11, section 3, the consent page: the person opens the one-time link on
// a phone, reads every §2.31 element and the statements (treatment does not
// depend on signing), and signs with the keyboard alone (typed name, no
// drawing); a second person draws a signature and signs for the patient as a
// representative. The signed copy prints as one page (print CSS), the spent
// link asks for nothing more, and axe-core finds no serious or critical
// violation on any screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';
import { caseFixture, type CaseFixture } from '../protocol/case-support.js';
import { completeForm, CONSENT_SECRET } from '../protocol/after-yes-support.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
let fx: CaseFixture;
const errors: string[][] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await caseFixture(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new consent's signing page on this server (the url names PUBLIC_URL's host), opened on a phone. */
async function openConsent(): Promise<{ page: Page; id: string }> {
  const res = await fx.api.post(`/api/cases/${fx.caseId}/consents`, completeForm());
  expect(res.status).toBe(201);
  const opened = await openPage(browser, 'phone', `${server.url}/consent#${(res.body.url as string).split('#')[1]}`);
  errors.push(opened.errors);
  await opened.page.getByText(CONSENT_SECRET.patient).waitFor();
  return { page: opened.page, id: res.body.id };
}

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** Tab from where the focus is until `selector` has it (a keyboard user's path through the form). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached ${selector}`);
}

test('issue 11, case 3.11: the form shows every element and signs with the keyboard alone; the link is then spent', async () => {
  const { page, id } = await openConsent();
  for (const element of ['patientName', 'disclosingProgram', 'information', 'recipients', 'purpose', 'expiresAt']) {
    expect((await page.locator(`[data-element="${element}"]`).textContent())?.trim().length, element).toBeGreaterThan(0);
  }
  await page.getByText(CONSENT_SECRET.revokeHow).waitFor();
  expect(await page.locator('[data-statement="notConditioned"]').textContent()).toMatch(/do not depend on whether you sign/);
  await page.getByText('If you use a keyboard, you can leave the box empty').waitFor();
  await accessible(page, 'consent-form');

  // Keyboard only: type the name, tick both acknowledgements with Space, send with Enter.
  await tabTo(page, '#typed-name');
  await page.keyboard.type(CONSENT_SECRET.typedName);
  await tabTo(page, 'input[type="checkbox"][required]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Signed' }).waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('signed-title');
  await page.getByText(`Signed by ${CONSENT_SECRET.typedName}`).waitFor();
  await accessible(page, 'consent-signed');

  const listed = (await fx.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents as Array<{ id: string; status: string; signature: { drawing: string | null } }>;
  expect(listed.find((c) => c.id === id)).toMatchObject({ status: 'signed', signature: { drawing: null } });

  // The signed copy prints as one page: the print CSS is there and hides the controls.
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Print this consent' }).isVisible()).toBe(false);
  const pdf = (await page.pdf({ format: 'Letter', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // A reload of the spent link (the token was kept for the tab) says so, and offers no form.
  await page.reload();
  await page.getByText('already been signed').waitFor();
  // Not headed as a failure, nor announced as an alert (a newcomer's trial read it as an error).
  await page.getByRole('heading', { name: 'This form is signed' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.locator('#typed-name').count()).toBe(0);
  await accessible(page, 'consent-spent');

  // The next form's link opened in the same tab (the laptop, one consent after another) shows that form.
  const next = await fx.api.post(`/api/cases/${fx.caseId}/consents`, completeForm());
  await page.evaluate((hash) => (location.hash = hash), `#${(next.body.url as string).split('#')[1]}`);
  await page.locator('#typed-name').waitFor();
});

test('issue 11, case 3.12: a representative signs for the patient with a drawn signature, which is kept as a PNG', async () => {
  const { page, id } = await openConsent();
  await page.getByLabel('Your full name (typed)').fill('Ann Quartz');
  await page.getByLabel('I am signing for the patient as their representative').check();
  await page.getByLabel('Representative’s full name').fill('Ann Quartz');
  await page.getByLabel(/Your authority to sign/).fill('health care proxy');
  const pad = page.locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 60, { steps: 8 });
  await page.mouse.move(box.x + 200, box.y + 20, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Clear the drawing' }).waitFor();
  await page.getByLabel('I have read my right to revoke this consent and how to do it.').check();
  await page.getByLabel(/my treatment does not depend on signing/).check();
  await accessible(page, 'consent-representative');
  await page.getByRole('button', { name: 'Sign this consent' }).click();
  await page.getByText('Ann Quartz, for the patient (health care proxy)').waitFor();
  await page.getByRole('img', { name: 'The drawn signature' }).waitFor();

  const listed = (await fx.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents as Array<{ id: string; signature: { drawing: string; representative: unknown } }>;
  const mine = listed.find((c) => c.id === id)!;
  expect(mine.signature.drawing).toMatch(/^data:image\/png;base64,/);
  expect(mine.signature.representative).toEqual({ name: 'Ann Quartz', authority: 'health care proxy' });
  for (const list of errors) expect(list).toEqual([]);
});
