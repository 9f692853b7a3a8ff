// Issue 11, section 3: the transition checklist after a yes. Refused (409) until
// a meeting of the case ends `accepted`; saved sealed; the remote family sees a
// calm "On the way" or "Admitted" only when the interventionist shares it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParticipantView } from '../../shared/meeting/view.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Client } from '../helpers/server.js';
import { put } from './case-support.js';
import { endedMeeting } from './after-yes-support.js';
import { Harness } from './support.js';

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.close());

const LEFT = Date.UTC(2026, 10, 30, 10);
const SECRET_COMPANION = 'Uncle Rutherford-Velvet-Harbor';

test('issue 11, case 3.1: no accepted outcome, no checklist: 409 in words, before and after a declined meeting', async () => {
  const fx = await h.fixture();
  const before = await fx.api.get(`/api/cases/${fx.caseId}/transition`);
  expect(before.status).toBe(409);
  expect(before.body.error.code).toBe('NO_ACCEPTED_OUTCOME');
  expect(before.body.error.message).toMatch(/outcome is "accepted"/);
  await endedMeeting(h, fx, 'declined');
  const body = { leftAt: LEFT, arrivedAt: null, admittedAt: null, accompaniedBy: null, shareWithFamily: false };
  expect((await put(fx.api, `/api/cases/${fx.caseId}/transition`, body)).status).toBe(409);
});

test('issue 11, case 3.2: after a yes the checklist saves, sealed, and checks its person and its times', async () => {
  const fx = await h.fixture();
  await endedMeeting(h, fx);
  const empty = await fx.api.get(`/api/cases/${fx.caseId}/transition`);
  expect(empty.status).toBe(200);
  expect(empty.body).toMatchObject({ meetingId: fx.meetingId, leftAt: null, shareWithFamily: false, familySees: null });

  const path = `/api/cases/${fx.caseId}/transition`;
  const stranger = await put(fx.api, path, { leftAt: LEFT, arrivedAt: null, admittedAt: null, accompaniedBy: { participantId: 'nobody' }, shareWithFamily: false });
  expect(stranger.status).toBe(400);
  const backwards = await put(fx.api, path, { leftAt: LEFT, arrivedAt: LEFT - 1, admittedAt: null, accompaniedBy: null, shareWithFamily: false });
  expect(backwards.status).toBe(400);
  expect(backwards.body.error.message).toMatch(/arrival is before/);

  const withAnn = await put(fx.api, path, { leftAt: LEFT, arrivedAt: null, admittedAt: null, accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: false });
  expect(withAnn.status).toBe(200);
  const saved = await put(fx.api, path, { leftAt: LEFT, arrivedAt: LEFT + 3_600_000, admittedAt: LEFT + 7_200_000, accompaniedBy: { name: SECRET_COMPANION }, shareWithFamily: true });
  expect(saved.status).toBe(200);
  expect(saved.body.familySees).toBe('admitted');
  expect((await fx.api.get(path)).body).toMatchObject({ admittedAt: LEFT + 7_200_000, accompaniedBy: { name: SECRET_COMPANION } });

  const store = h.server.threshold.services.store as SqliteStore;
  const row = store.db.prepare('SELECT checklist_json FROM transitions WHERE case_id = ?').get(fx.caseId) as { checklist_json: string };
  expect(row.checklist_json).not.toContain('Rutherford');
  expect(row.checklist_json).not.toContain(String(LEFT));
});

test('issue 11, case 3.3: the remote family sees "on the way", then "admitted", only while shared; in the room nobody does', async () => {
  const fx = await h.fixture();
  const { cy } = await endedMeeting(h, fx);
  const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  const path = `/api/cases/${fx.caseId}/transition`;
  const news = (c: Client) => (c.view as ParticipantView).familyNews;
  expect(news(cy)).toBeUndefined();

  // Not shared: the family's screen stays as it was.
  await put(fx.api, path, { leftAt: LEFT, arrivedAt: null, admittedAt: null, accompaniedBy: null, shareWithFamily: false });
  await put(fx.api, path, { leftAt: LEFT, arrivedAt: null, admittedAt: null, accompaniedBy: null, shareWithFamily: true });
  await cy.waitFor((v) => (v as ParticipantView).familyNews === 'on-the-way');
  await put(fx.api, path, { leftAt: LEFT, arrivedAt: LEFT + 1000, admittedAt: LEFT + 2000, accompaniedBy: null, shareWithFamily: true });
  await cy.waitFor((v) => (v as ParticipantView).familyNews === 'admitted');
  expect(cy.views.filter((v) => (v as ParticipantView).familyNews === undefined).length).toBeGreaterThan(0);
  expect(news(ann)).toBeUndefined();

  // A phone that connects later sees it in its first view.
  const again = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  expect(news(again)).toBe('admitted');

  // Taken back: the word goes.
  await put(fx.api, path, { leftAt: LEFT, arrivedAt: LEFT + 1000, admittedAt: LEFT + 2000, accompaniedBy: null, shareWithFamily: false });
  await cy.waitFor((v) => (v as ParticipantView).familyNews === undefined);
});

test('issue 11, case 3.4: another facilitator\'s case is a 404, and a signed-out request a 401', async () => {
  const fx = await h.fixture();
  const res = await fetch(`${h.server.url}/api/cases/${fx.caseId}/transition`);
  expect(res.status).toBe(401);
  const { secondFacilitator } = await import('./support.js');
  const eli = await secondFacilitator(h.server);
  expect((await eli.get(`/api/cases/${fx.caseId}/transition`)).status).toBe(404);
});
