// Issue 11, sections 3 and 6: the meeting report's afterCare carries the
// transition after a yes (times, who went with them) and the case's consents
// by status and dates, never a consent form's contents.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { put } from './case-support.js';
import { CONSENT_SECRET, completeForm, endedMeeting, signing, tokenOfUrl } from './after-yes-support.js';
import { Family } from './prepare-support.js';
import { Harness } from './support.js';

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.close());

const LEFT = Date.UTC(2026, 10, 30, 10);

test('issue 11, case 3.20: the report shows the transition and each consent\'s status, without the form', async () => {
  const fx = await h.fixture();
  await endedMeeting(h, fx);
  const path = `/api/cases/${fx.caseId}/transition`;
  const checklist = { leftAt: LEFT, arrivedAt: LEFT + 60_000, admittedAt: LEFT + 120_000, accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: true };
  expect((await put(fx.api, path, checklist)).status).toBe(200);

  const signed = await fx.api.post(`/api/cases/${fx.caseId}/consents`, completeForm());
  expect((await new Family(h.server.url, tokenOfUrl(signed.body.url)).request('POST', '/api/consent/sign', signing())).status).toBe(200);
  const revoked = await fx.api.post(`/api/cases/${fx.caseId}/consents`, completeForm());
  expect((await fx.api.post(`/api/cases/${fx.caseId}/consents/${revoked.body.id}/revoke`, {})).status).toBe(200);

  const res = await fx.api.get(`/api/meetings/${fx.meetingId}/report`);
  expect(res.status).toBe(200);
  const { afterCare } = res.body;
  expect(afterCare.transition).toEqual({
    leftAt: LEFT, arrivedAt: LEFT + 60_000, admittedAt: LEFT + 120_000,
    accompaniedBy: { participantId: fx.ids.ann, name: 'Ann' }, shareWithFamily: true,
  });
  expect(afterCare.consents.map((c: { status: string }) => c.status)).toEqual(['signed', 'revoked']);
  expect(afterCare.consents[0]).toEqual({ status: 'signed', createdAt: expect.any(Number), signedAt: expect.any(Number), revokedAt: null });
  expect(afterCare.consents[1].revokedAt).toEqual(expect.any(Number));
  // No form contents: neither the patient's name, the program, the signer's typed name nor the way to revoke.
  const text = JSON.stringify(res.body);
  for (const secret of Object.values(CONSENT_SECRET)) expect(text).not.toContain(secret);

  // A name typed instead of a participant is reported as typed.
  expect((await put(fx.api, path, { ...checklist, accompaniedBy: { name: 'A neighbour' } })).status).toBe(200);
  const again = await fx.api.get(`/api/meetings/${fx.meetingId}/report`);
  expect(again.body.afterCare.transition.accompaniedBy).toEqual({ participantId: null, name: 'A neighbour' });
});
