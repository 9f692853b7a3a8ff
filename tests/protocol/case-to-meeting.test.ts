// Issue 9, "done when", through the real routes only (the other objection tests
// put a plan into the store directly): objections and a walk-out follower set
// in the case file reach the meeting made from it; raised in the offer, an
// objection's prepared response reaches its responder's tablet and nobody
// else's, and a left-room pause sends the follower after the loved one.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { Client, startServer, type Running } from '../helpers/server.js';
import { caseFixture, patch, SECRET, type CaseFixture } from './case-support.js';

let server: Running;
let kase: CaseFixture;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startServer();
  kase = await caseFixture(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

test('a case file’s objection and walk-out follower work in the meeting made from it', async () => {
  const { api, caseId, ids } = kase;
  expect((await patch(api, `/api/cases/${caseId}/participants/${ids.ann}`, { roles: ['walk-out-follower'] })).status).toBe(200);
  expect((await patch(api, `/api/cases/${caseId}/participants/${ids.bob}`, { roles: ['closer'] })).status).toBe(200);
  const objection = await api.post(`/api/cases/${caseId}/objections`, { objection: SECRET.objection, responderId: ids.bob, response: SECRET.response });
  expect(objection.status).toBe(201);
  const meeting = await api.post(`/api/cases/${caseId}/meetings`, {});
  expect(meeting.status).toBe(201);
  const token = (id: string) => (meeting.body.links.participants as Array<{ participantId: string; token: string }>).find((l) => l.participantId === id)!.token;

  const open = async (auth: Record<string, unknown>, cookie?: string) => {
    const c = await Client.open(server.url, auth, cookie);
    clients.push(c);
    return c;
  };
  const f = await open({ meetingId: meeting.body.id }, api.cookie);
  const ann = await open({ token: token(ids.ann) });
  const bob = await open({ token: token(ids.bob) });
  // The plan's order: the closer reads last.
  expect((f.view as FacilitatorView).speakingOrder.at(-1)!.participantId).toBe(ids.bob);
  for (const type of ['meeting.start', 'turns.begin', 'offer.present']) expect(await f.send({ type } as never)).toMatchObject({ ok: true });
  expect(await f.send({ type: 'objection.raise', objectionId: objection.body.objectionId } as never)).toMatchObject({ ok: true });

  const answering = (await bob.waitFor((v) => (v as ParticipantView).answering.length > 0)) as ParticipantView;
  expect(answering.answering).toEqual([{ objectionId: objection.body.objectionId, objection: SECRET.objection, response: SECRET.response }]);
  await ann.waitFor((v) => v.revision === answering.revision);
  for (const view of [ann.view, f.view]) expect(JSON.stringify(view)).not.toContain(SECRET.response);

  expect(await f.send({ type: 'pause.start', reason: 'left-room' } as never)).toMatchObject({ ok: true });
  expect(((await ann.waitFor((v) => v.phase === 'paused')) as ParticipantView).walkOutFollow).toBe(true);
  expect(((await bob.waitFor((v) => v.phase === 'paused')) as ParticipantView).walkOutFollow).toBe(false);
});
