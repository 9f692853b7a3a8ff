// The case file in the console alone (issue 9, "Done when", as far as the
// console goes): open a case, fill in the assessment as it saves itself, score
// a PHQ-9 and see the self-harm flag with its readiness item, see a
// confrontational approach cautioned after violence history, assign roles and
// order the team by keyboard, list an objection with its responder, walk the
// checklist to `ready` (marking done and waiving with reasons), and start a
// meeting whose order puts the closer last, with crisis guidance in reach. axe-core runs on every tab, and no
// violation of any impact is allowed there.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot } from './browser.js';

let server: Running;
let browser: Browser;
let f: Page;
let errors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  ({ page: f, errors } = await openPage(browser, 'laptop', server.url + '/'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every axe violation on the page, whatever its impact (the case pages hold themselves to none). */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await violations(page), `axe on ${name}`).toEqual([]);
}

async function pressEnter(target: Locator) {
  await eventually(() => target.isEnabled()).toBe(true);
  await target.focus();
  await target.page().keyboard.press('Enter');
}

const tab = (name: string) => f.getByRole('navigation', { name: 'Case file' }).getByRole('link', { name, exact: true });
const saved = () => f.locator('[data-save-state="saved"]').waitFor();
const flag = (name: string) => f.locator(`[data-flag="${name}"]`);
const item = (name: string) => f.locator(`[data-item="${name}"]`);

async function moveOnTo(stage: string) {
  await pressEnter(f.getByRole('button', { name: `Move on to ${stage}` }));
  await f.getByRole('status').getByText(`The case is now at ${stage}.`).waitFor();
}

test('issue 9, section 7: a case prepared in the console alone, from intake to a meeting with the closer last', async () => {
  await f.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
  await f.getByLabel('Your name').fill('Dana');
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Create account' }).click();
  await f.getByLabel('Name of the person you are helping').fill('Sam');
  await f.getByLabel('Approach').selectOption('love-first');
  await f.getByRole('button', { name: 'Create case' }).click();

  // Overview at intake: the next stage waits for the first call to be noted.
  await f.locator('[data-stage="intake"]').waitFor();
  await f.locator('[data-needs]').getByText(/note who first called/).waitFor();
  expect(await f.getByRole('button', { name: 'Move on to Assessment' }).isDisabled()).toBe(true);
  expect(await f.locator('html').getAttribute('lang')).toBe('en');
  await accessible(f, 'case-overview-intake');
  // Before any assessment nothing is cautioned, so nothing is "Recommended" either (a newcomer's trial saw all five tagged).
  await f.locator('[data-approach="arise"]').waitFor();
  expect(await f.locator('[data-approach]').getByText('Recommended', { exact: true }).count()).toBe(0);

  // Team: four people, one of them support.
  await tab('Team').click();
  for (const [name, relationship, remote] of [['Ann', 'Mother', false], ['Bob', 'Brother', false], ['Cy', 'Sister', true], ['Dee', 'Friend', false]] as const) {
    await f.getByLabel('Name', { exact: true }).fill(name);
    await f.getByLabel('Relationship').fill(relationship);
    await f.getByLabel(remote ? 'Remotely, by link' : 'In the room').check();
    await f.getByRole('button', { name: 'Add person' }).click();
    await f.getByRole('cell', { name, exact: true }).waitFor();
  }
  await accessible(f, 'case-team-people');

  // Assessment: saves as you go, with its saved state in view.
  await tab('Assessment').click();
  await f.getByLabel('Who first called').fill('Ann');
  await f.getByLabel('Their relationship to the loved one').fill('Mother');
  await f.getByRole('button', { name: 'Add a substance or behaviour' }).click();
  await f.getByLabel('Substance or behaviour').selectOption('alcohol');
  await f.getByLabel('How often').selectOption('daily');
  await f.getByLabel('None known').check();
  for (const [question, answer] of [
    ['violenceHistory', 'Yes'], ['threatsToFamily', 'No'], ['weaponsAccess', 'No'], ['withdrawalSeizuresOrDTs', 'No'],
    ['overdoseHistory', 'No'], ['naloxoneAvailable', 'No'], ['pregnant', 'No'],
  ]) {
    await f.locator(`[data-question="${question}"]`).getByLabel(answer, { exact: true }).check();
  }
  await saved();
  await f.getByText('All changes saved').waitFor();
  // A value the server refuses is not shown as saved: its words, and Try again; fixing it saves.
  await f.getByLabel('Age in years').fill('130');
  await f.locator('[data-save-state="failed"]').getByText(/^Not saved: lovedOne\.ageYears/).waitFor();
  await f.getByRole('button', { name: 'Try again' }).waitFor();
  await f.getByLabel('Age in years').fill('34');
  await saved();
  await accessible(f, 'case-assessment');
  // A reload brings the saved document back: it was saved, not just shown.
  await f.reload();
  await eventually(() => f.getByLabel('Who first called').inputValue()).toBe('Ann');
  expect(await f.locator('[data-question="violenceHistory"]').getByLabel('Yes', { exact: true }).isChecked()).toBe(true);
  expect(await f.locator('[data-question="pregnant"]').getByLabel('No', { exact: true }).isChecked()).toBe(true);

  // Overview: violence history cautions Love First; daily alcohol raises withdrawal risk.
  await tab('Overview').click();
  await flag('violence-risk').waitFor();
  await flag('withdrawal-risk').waitFor();
  expect(await f.locator('[data-approach="love-first"]').getByText('Caution', { exact: true }).isVisible()).toBe(true);
  expect(await f.locator('[data-approach="johnson"]').getByText('Caution', { exact: true }).isVisible()).toBe(true);
  expect(await f.locator('[data-approach="arise"]').getByText('Recommended', { exact: true }).isVisible()).toBe(true);
  await item('safety-plan').waitFor();
  await item('medical-detox-planned').waitFor();
  await accessible(f, 'case-overview-flags');

  // Screenings: a PHQ-9 answered by Ann about Sam, all at once on a laptop: an estimate, with the self-harm flag.
  await tab('Screenings').click();
  await f.getByLabel('PHQ-9').check();
  await f.getByLabel(/about Sam \(an estimate\)/).check();
  await f.getByLabel('Who is answering').selectOption({ label: 'Ann' });
  await pressEnter(f.getByRole('button', { name: 'Begin the questions' }));
  await f.getByText('Your answers are an estimate, not a diagnosis.').waitFor();
  const answers = [1, 2, 1, 2, 1, 0, 1, 0, 1];
  expect(await f.locator('.items > li').count()).toBe(9);
  for (const [i, score] of answers.entries()) {
    await f.locator(`#item-${i}`).locator(`input[value="${score}"]`).check();
  }
  await accessible(f, 'case-screening-items');
  await pressEnter(f.getByRole('button', { name: 'See the result' }));
  const result = f.locator('.result');
  await result.waitFor();
  expect(await result.locator('.total').textContent()).toMatch(/Total 9 of 27 · mild/);
  expect(await result.textContent()).toContain("A family member's estimate about their loved one. It is not a diagnosis.");
  expect(await result.textContent()).not.toMatch(/\bdiagnosed\b|\bdiagnosis:/i);
  await result.getByRole('heading', { name: 'Risk of self-harm' }).waitFor();
  await accessible(f, 'case-screening-result');

  // On a phone, the questions come one at a time: Bob's own GAD-7.
  await f.setViewportSize({ width: 390, height: 844 });
  await f.reload();
  await f.getByLabel('GAD-7').check();
  await f.getByLabel('A family member, about themselves').check();
  await f.getByLabel('Whose answers').selectOption({ label: 'Bob' });
  await pressEnter(f.getByRole('button', { name: 'Begin the questions' }));
  for (let i = 0; i < 7; i++) {
    expect(await f.locator('.items > li').count()).toBe(1);
    await f.locator(`#item-${i}`).getByText('Several days').click();
    if (i === 0) await accessible(f, 'case-screening-phone');
    await pressEnter(f.getByRole('button', { name: i < 6 ? 'Next question' : 'See the result' }));
  }
  await eventually(() => f.locator('.result .total').textContent()).toMatch(/Total 7 of 21 · mild/);
  expect(await f.locator('.result').textContent()).toContain("The person's own answers.");
  await f.setViewportSize({ width: 1360, height: 900 });

  // Overview: the self-harm flag and its crisis plan.
  await tab('Overview').click();
  await flag('self-harm').waitFor();
  await item('crisis-plan').waitFor();

  // Team: roles, order by keyboard, and an objection with its responder.
  await tab('Team').click();
  const member = (name: string) => f.locator('[data-member]', { hasText: name });
  const role = async (name: string, label: string) => {
    await member(name).getByLabel(label, { exact: true }).check();
    await eventually(() => member(name).getByLabel(label, { exact: true }).isChecked()).toBe(true);
    await f.waitForLoadState('networkidle');
  };
  await role('Ann', 'Chair');
  await role('Bob', 'Closer');
  await role('Cy', 'Follows if they leave');
  await role('Dee', 'Support');
  // A refused role says why, and the box goes back to what the server holds.
  // click(), not check(): check() fails when the box is already back unticked by the time it looks,
  // which is this test's point (flaky in a fresh-clone CI run when the refusal came back quickly).
  await member('Bob').getByLabel('Support', { exact: true }).click();
  await f.getByRole('alert').getByText(/The closer reads a letter, and support attends without one/).waitFor();
  await eventually(() => member('Bob').getByLabel('Support', { exact: true }).isChecked()).toBe(false);
  await pressEnter(f.getByRole('button', { name: 'Move Cy earlier' }));
  await eventually(() => f.locator('[data-member] .name').allTextContents()).toEqual(['Ann', 'Cy', 'Bob', 'Dee']);
  expect(await f.evaluate(() => document.activeElement?.id)).toMatch(/-up$/); // focus stays on the moved button
  await eventually(() => member('Bob').locator('.speaks').textContent()).toBe('Reads 3');
  expect(await member('Dee').locator('.speaks').textContent()).toBe('Does not read');
  await f.getByRole('button', { name: '“I can\'t leave my job”' }).click();
  expect(await f.getByLabel('What the loved one might say').inputValue()).toBe("I can't leave my job");
  await f.locator('#new-responder').selectOption({ label: 'Ann' });
  await f.locator('#new-response').fill('Your manager already agreed to medical leave.');
  await f.getByRole('button', { name: 'Add objection' }).click();
  await f.locator('[data-objection]').waitFor();
  expect(await f.locator('[data-objection] select').inputValue()).not.toBe('');
  await accessible(f, 'case-team');

  // Overview: Love First despite the caution, with its reason; then the stages, the checklist and `ready`.
  await tab('Overview').click();
  await moveOnTo('Assessment');
  await moveOnTo('Planning');
  await f.locator('[data-needs]').getByText(/cautioned for this case/).waitFor();
  await f.locator('[data-approach="love-first"] input').check();
  await f.getByLabel(/Why this approach, despite the caution/).fill('Sam has never been violent towards Ann, who chairs; exits planned.');
  await f.getByRole('button', { name: 'Save the approach' }).click();
  await eventually(() => item('approach-chosen').locator('.hint').textContent()).toBe('Love First chosen');
  await moveOnTo('Preparation');

  await pressEnter(item('safety-plan').getByRole('button', { name: /^Mark done/ }));
  await eventually(() => item('safety-plan').getAttribute('class')).toContain('done');
  await pressEnter(item('crisis-plan').getByRole('button', { name: /^Mark done/ }));
  await eventually(() => item('crisis-plan').getAttribute('class')).toContain('done');
  await pressEnter(item('medical-detox-planned').getByRole('button', { name: /^Waive/ }));
  await f.getByLabel('Why it is waived').fill('The treatment centre admits to its own medical detox unit on arrival.');
  await pressEnter(f.getByRole('button', { name: 'Waive with this reason' }));
  await eventually(() => item('medical-detox-planned').locator('.hint').textContent()).toMatch(/^Waived: The treatment centre/);
  // Issue 10 adds the family's preparation to readiness; this case's family prepares outside Threshold.
  for (const prepared of ['family-educated', 'letters-approved', 'bottom-lines-approved']) {
    if ((await item(prepared).count()) === 0) continue;
    await pressEnter(item(prepared).getByRole('button', { name: /^Waive/ }));
    await f.getByLabel('Why it is waived').fill('The family prepared with the interventionist in person, on paper.');
    await pressEnter(f.getByRole('button', { name: 'Waive with this reason' }));
    await eventually(() => item(prepared).locator('.hint').textContent()).toMatch(/^Waived: The family prepared/);
  }
  // Issue 11 adds the treatment logistics to readiness; here the family arranges the place themselves.
  for (const item_ of ['treatment-place-confirmed', 'backup-place-identified', 'transport-planned']) {
    await pressEnter(item(item_).getByRole('button', { name: /^Waive/ }));
    await f.getByLabel('Why it is waived').fill('The family arranges the place and the journey themselves.');
    await pressEnter(f.getByRole('button', { name: 'Waive with this reason' }));
    await eventually(() => item(item_).locator('.hint').textContent()).toMatch(/^Waived: The family arranges/);
  }
  await f.getByText('Everything is done or waived: the case can be marked ready.').waitFor();
  await accessible(f, 'case-overview-ready');
  await moveOnTo('Ready');
  await f.locator('[data-stage="ready"]').waitFor();

  // Meetings: the plan's order, the closer last and support left out.
  await tab('Meetings').click();
  await eventually(() => f.getByRole('list', { name: 'Speaking order' }).getByRole('listitem').allTextContents()).toEqual(['Ann', 'Cy', 'Bob']);
  await accessible(f, 'case-meetings');
  await f.getByRole('button', { name: 'Create the meeting' }).click();
  await f.getByRole('heading', { name: 'Join links' }).waitFor();
  await f.getByRole('link', { name: 'Run the meeting' }).click();
  await eventually(() => f.locator('[data-participant] .name').allTextContents()).toEqual(['Ann', 'Cy', 'Bob']);

  // The self-harm flag keeps crisis guidance one press away on the meeting console (issue 9, section 4).
  const guidance = f.getByRole('button', { name: 'Crisis guidance' });
  expect(await guidance.getAttribute('aria-expanded')).toBe('false');
  await pressEnter(guidance);
  await f.locator('#crisis-guidance').getByText('988').waitFor();
  await accessible(f, 'case-meeting-crisis-guidance');

  expect(errors).toEqual([]);
}, 180_000);

test('issue 9, section 1: calling a case off asks first, records the reason, and ends its stages', async () => {
  await f.goto(server.url + '/#/');
  await f.getByLabel('Name of the person you are helping').fill('Alex');
  await f.getByRole('button', { name: 'Create case' }).click();
  await f.locator('[data-stage="intake"]').waitFor();
  await pressEnter(f.getByRole('button', { name: 'Call the case off…' }));
  const dialog = f.getByRole('dialog', { name: 'Call this case off?' });
  await dialog.waitFor();
  expect(await f.evaluate(() => document.activeElement?.textContent)).toBe('Cancel'); // the safe default
  await accessible(f, 'case-cancel-dialog');
  await dialog.getByLabel('The loved one sought help first').check();
  await dialog.getByRole('button', { name: 'Call it off' }).click();
  await f.locator('[data-stage="cancelled"]').waitFor();
  await f.getByText('This case was called off. That is an outcome, recorded with its reason.').waitFor();
  expect(await f.getByRole('button', { name: /^Move on to/ }).count()).toBe(0);
  expect(await f.getByRole('button', { name: 'Call the case off…' }).count()).toBe(0);
  expect(errors).toEqual([]);
}, 60_000);
