// Reissuing a join link (tokens are shown only once, so after a reload the
// console asks for a fresh one): the old token stops working and its socket is
// let go, the new one opens the same person's view, and only the meeting's own
// facilitator can do it. Also the public crisis configuration the screens use.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParticipantView } from '../../shared/meeting/view.js';
import { Api, Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ CRISIS_LINE_NUMBER: '116 123', CRISIS_LINE_NAME: 'Samaritans' });
  fx = await createFixture(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

const reissuePath = (linkId: string) => `/api/meetings/${fx.meetingId}/links/${linkId}/reissue`;

test('a reissued link replaces the old one for the same person', async () => {
  const annLink = fx.links.participants.find((l) => l.participantId === fx.ids.ann)!;
  const old = await Client.open(server.url, { token: annLink.token });
  clients.push(old);
  const disconnected = new Promise<string>((resolve) => old.socket.once('disconnect', resolve));

  const res = await fx.api.post(reissuePath(annLink.id));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ kind: 'participant', participantId: fx.ids.ann });
  expect(res.body.url).toBe(`http://threshold.test/tablet#token=${res.body.token}`);
  expect(await disconnected).toBe('io server disconnect');

  const refused = Client.connect(server.url, { token: annLink.token });
  clients.push(refused);
  expect((await refused.connectError()).data?.code).toBe('LINK_INVALID');

  const fresh = await Client.open(server.url, { token: res.body.token });
  clients.push(fresh);
  expect((fresh.view as ParticipantView).you.participantId).toBe(fx.ids.ann);

  const listed = await fx.api.get(`/api/meetings/${fx.meetingId}`);
  const annLinks = listed.body.links.filter((l: { participantId: string }) => l.participantId === fx.ids.ann);
  expect(annLinks.map((l: { revokedAt: number | null }) => l.revokedAt === null).sort()).toEqual([false, true]);

  expect((await fx.api.post(reissuePath(annLink.id))).status).toBe(409); // the old link is gone for good
});

test('a remote participant’s reissued link still opens the remote page', async () => {
  const cyLink = fx.links.participants.find((l) => l.participantId === fx.ids.cy)!;
  const res = await fx.api.post(reissuePath(cyLink.id));
  expect(res.body.url).toMatch(/^http:\/\/threshold\.test\/remote#token=/);
});

test('a revoked link (a lost tablet) can be replaced while that person has no working link', async () => {
  const display = fx.links.display;
  expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${display.id}`)).status).toBe(204);
  const res = await fx.api.post(reissuePath(display.id));
  expect(res.status).toBe(201);
  const screen = await Client.open(server.url, { token: res.body.token });
  clients.push(screen);
  expect(screen.view.role).toBe('display');
  expect((await fx.api.post(reissuePath(display.id))).status).toBe(409); // now it has one
});

test('only the meeting’s own facilitator can reissue its links', async () => {
  const stranger = new Api(server.url);
  expect((await stranger.post(reissuePath(fx.links.remote.id))).status).toBe(401);
  expect((await fx.api.post(`/api/meetings/nope/links/${fx.links.display.id}/reissue`)).status).toBe(404);
  expect((await fx.api.post(reissuePath('nope'))).status).toBe(404);
});

test('the crisis numbers and the idle time are public configuration', async () => {
  const res = await new Api(server.url).get('/api/config');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ crisis: { emergencyNumber: '911', lineNumber: '116 123', lineName: 'Samaritans' }, idleMinutes: 15 });
});

// Issue 12, case 17: the route read the body before checking sign-in, so an
// anonymous malformed body got 400 and a huge one 413.
test('reissuing without signing in is refused 401 before the body is read', async () => {
  const anonymous = new Api(server.url);
  const malformed = await anonymous.request('POST', reissuePath(fx.links.display.id), undefined, '{not json');
  expect(malformed.status).toBe(401);
  const huge = await anonymous.request('POST', reissuePath(fx.links.display.id), undefined, JSON.stringify({ pad: 'x'.repeat(300 * 1024) }));
  expect(huge.status).toBe(401);
});
