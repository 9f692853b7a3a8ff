// The facilitator can lock the lobby (nobody new may enter) and send someone
// back to it; remote joiners always pass the lobby, even before the
// facilitator has arrived.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;
let fx: Fixture;
const clients: Client[] = [];
const open = async (auth: Record<string, unknown>, cookie?: string) => {
  const c = await Client.open(server.url, auth, cookie);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer();
  fx = await createFixture(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

test('a remote joiner waits in the lobby even when no facilitator is connected yet', async () => {
  const early = await open({ token: fx.links.remote.token, name: 'Early Eve' });
  expect((early.view as ParticipantView).lobby).toBe('waiting');
  expect(early.view.speakingOrder).toEqual([]);
  const cy = await open({ token: fx.tokenOf(fx.ids.cy) });
  expect((cy.view as ParticipantView).you.admitted).toBe(false);
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const view = facilitator.view as FacilitatorView;
  expect(view.lobby.map((e) => e.name).sort()).toEqual(['Cy', 'Early Eve']);
});

test('a locked lobby refuses newcomers and lets admitted people come back; unlocking opens it again', async () => {
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  expect(await facilitator.send({ type: 'lobby.admit', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'lobby.lock' })).toMatchObject({ ok: true });

  const stranger = Client.connect(server.url, { token: fx.links.remote.token, name: 'Late Lou' });
  const refused = await stranger.connectError();
  stranger.close();
  expect(refused.data?.code).toBe('LOBBY_LOCKED');
  expect(refused.message).toMatch(/not letting anyone new in/);

  // Cy was let in before the lock: a reconnect brings her straight back.
  const cy = await open({ token: fx.tokenOf(fx.ids.cy) });
  expect((cy.view as ParticipantView).you.admitted).toBe(true);
  // In-room people are never kept out.
  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  expect(ann.view.role).toBe('participant');

  expect(await facilitator.send({ type: 'lobby.unlock' })).toMatchObject({ ok: true });
  const lou = await open({ token: fx.links.remote.token, name: 'Late Lou' });
  expect((lou.view as ParticipantView).lobby).toBe('waiting');
});

test('someone sent back to the lobby sees the lobby again and appears in the facilitator’s lobby', async () => {
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const cy = await open({ token: fx.tokenOf(fx.ids.cy) });
  expect((cy.view as ParticipantView).you.admitted).toBe(true);
  expect(await facilitator.send({ type: 'lobby.return', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  const back = (await cy.waitFor((v) => (v as ParticipantView).lobby === 'waiting')) as ParticipantView;
  expect(back.speakingOrder).toEqual([]);
  expect(back.letter).toBeNull();
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === fx.ids.cy));
  expect((await cy.send({ type: 'signal.send', kind: 'need-a-moment' }, null)).ok).toBe(false);
  // In-room people cannot be sent to the lobby.
  const ann = await facilitator.send({ type: 'lobby.return', participantId: fx.ids.ann });
  expect(ann).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
});
