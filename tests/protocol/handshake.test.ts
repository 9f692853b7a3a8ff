// Who may connect: every refusal happens at the handshake, with a code a
// program can act on and a message a person can.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RealtimeHub } from '../../server/realtime/hub.js';
import { realtimePlugin } from '../../server/realtime/plugin.js';
import { SESSION_COOKIE, sessionsPlugin, type SessionsOptions } from '../../server/sessions.js';
import type { SessionRecord } from '../../server/store/types.js';
import { Client, createFixture, startServer } from '../helpers/server.js';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { HANDSHAKE_ERRORS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import { Harness, nextDisconnect, secondFacilitator, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
});
afterAll(() => h.close());

describe('refused handshakes', () => {
  async function expectRefused(auth: Record<string, unknown>, code: string, message: RegExp, cookie?: string) {
    const error = await h.refused(auth, cookie);
    expect(HANDSHAKE_ERRORS).toContain(code);
    expect({ code: error.data?.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) });
  }

  test('no credentials at all', async () => {
    await expectRefused({}, 'CREDENTIALS_REQUIRED', /meeting link|sign in/);
    await expectRefused({ token: '' }, 'CREDENTIALS_REQUIRED', /meeting link|sign in/);
    await expectRefused({ token: 12345 }, 'CREDENTIALS_REQUIRED', /meeting link|sign in/);
  });

  test('a token that was never issued', async () => {
    await expectRefused({ token: 'not-a-real-token-at-all' }, 'LINK_INVALID', /no longer works.*ask the facilitator/);
  });

  test('a revoked token', async () => {
    const bobLink = fx.links.participants.find((l) => l.participantId === fx.ids.bob)!;
    expect((await h.open({ token: bobLink.token })).view.role).toBe('participant');
    expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${bobLink.id}`)).status).toBe(204);
    await expectRefused({ token: bobLink.token }, 'LINK_INVALID', /no longer works/);
  });

  test('a facilitator meetingId without the session cookie, or with a dead one', async () => {
    await expectRefused({ meetingId: fx.meetingId }, 'SESSION_INVALID', /sign in/);
    await expectRefused({ meetingId: fx.meetingId }, 'SESSION_INVALID', /sign in/, 'threshold_session=forged');
  });

  test('a meeting that is not the signed-in facilitator’s own, or does not exist', async () => {
    const eli = await secondFacilitator(h.server);
    await expectRefused({ meetingId: fx.meetingId }, 'MEETING_NOT_FOUND', /not found among yours/, eli.cookie);
    await expectRefused({ meetingId: 'no-such-meeting' }, 'MEETING_NOT_FOUND', /not found/, fx.api.cookie);
  });

  test('the shared remote link without a usable name', async () => {
    for (const auth of [{ token: fx.links.remote.token }, { token: fx.links.remote.token, name: '   ' }, { token: fx.links.remote.token, name: 'x'.repeat(101) }, { token: fx.links.remote.token, name: 7 }]) {
      await expectRefused(auth, 'NAME_REQUIRED', /your name/);
    }
    // Nobody half-joined: the facilitator's lobby is empty.
    const facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
    expect((facilitator.view as FacilitatorView).lobby).toEqual([]);
  });
});

describe('accepted handshakes', () => {
  test('each credential connects as its role and receives its view at once', async () => {
    const facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
    const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
    const cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    const display = await h.open({ token: fx.links.display.token });
    const guest = await h.open({ token: fx.links.remote.token, name: '  Aunt May  ' });

    expect(facilitator.view).toMatchObject({ role: 'facilitator', meetingId: fx.meetingId, phase: 'gathering' });
    expect(ann.view).toMatchObject({ role: 'participant', you: { participantId: fx.ids.ann, name: 'Ann', admitted: true } });
    expect(cy.view).toMatchObject({ role: 'participant', lobby: 'waiting', you: { participantId: fx.ids.cy, name: 'Cy', admitted: false } });
    expect(display.view).toMatchObject({ role: 'display', meetingId: fx.meetingId });
    expect((guest.view as ParticipantView).you).toMatchObject({ name: 'Aunt May', admitted: false });
    expect(guest.credentials).toHaveLength(1);
    expect(guest.credentials[0]!.participantId).toBe((guest.view as ParticipantView).you.participantId);
  });
});

describe('protocol versions (auth.protocol)', () => {
  const UNSUPPORTED = /another version of Threshold.*reload the page.*update the app/;

  test('a version this server does not speak is refused with PROTOCOL_UNSUPPORTED and words a person can act on', async () => {
    const annToken = fx.tokenOf(fx.ids.ann);
    for (const protocol of [PROTOCOL_VERSION + 1, 0, String(PROTOCOL_VERSION), null, { v: 1 }]) {
      const error = await h.refused({ token: annToken, protocol });
      expect({ code: error.data?.code, message: error.message }).toEqual({ code: 'PROTOCOL_UNSUPPORTED', message: expect.stringMatching(UNSUPPORTED) });
    }
    const facilitator = await h.refused({ meetingId: fx.meetingId, protocol: PROTOCOL_VERSION + 1 }, fx.api.cookie);
    expect(facilitator.data?.code).toBe('PROTOCOL_UNSUPPORTED');
  });

  test('the version is checked before the credentials: a newer client learns to update, not that its link is bad', async () => {
    expect((await h.refused({ protocol: PROTOCOL_VERSION + 1 })).data?.code).toBe('PROTOCOL_UNSUPPORTED');
    expect((await h.refused({ token: 'never-issued', protocol: PROTOCOL_VERSION + 1 })).data?.code).toBe('PROTOCOL_UNSUPPORTED');
  });

  test('the version spoken, or none at all (older clients, scripts), connects as before', async () => {
    const withVersion = await h.open({ token: fx.links.display.token, protocol: PROTOCOL_VERSION });
    const without = await h.open({ token: fx.links.display.token });
    const console_ = await h.open({ meetingId: fx.meetingId, protocol: PROTOCOL_VERSION }, fx.api.cookie);
    expect([withVersion.view.role, without.view.role, console_.view.role]).toEqual(['display', 'display', 'facilitator']);
  });
});

describe('sessions and Socket.IO as Fastify plugins', () => {
  /** The sessions plugin over a store in memory, on a clock the test moves. */
  async function sessionsApp() {
    const rows = new Map<string, SessionRecord>();
    const clock = { now: 1_000_000 };
    const store: SessionsOptions['store'] = {
      createSession: async (r) => void rows.set(r.idHash, r),
      findSession: async (idHash, now) => ((rows.get(idHash)?.expiresAt ?? 0) > now ? rows.get(idHash) : undefined),
      extendSession: async (idHash, expiresAt) => void (rows.get(idHash)!.expiresAt = expiresAt),
      deleteSession: async (idHash) => void rows.delete(idHash),
    };
    const app = Fastify();
    await app.register(sessionsPlugin, { store, clock: () => clock.now, idleMinutes: 15, sessionHours: 12 });
    await app.ready();
    return { app, clock, rows };
  }

  test('one check for HTTP and handshakes: activity keeps a session alive, a reconnect does not', async () => {
    const { app, clock } = await sessionsApp();
    const { id, maxAgeSeconds } = await app.sessions.open('fac-1');
    expect(maxAgeSeconds).toBe(12 * 3600);
    const cookie = `other=1; ${SESSION_COOKIE}=${id}`;
    clock.now += 10 * 60_000;
    expect(await app.sessions.authenticate(cookie, true)).toMatchObject({ facilitatorId: 'fac-1' });
    clock.now += 10 * 60_000;
    // Twenty minutes in, alive only because of the request at ten.
    const session = await app.sessions.authenticate(cookie, false);
    expect(session).toMatchObject({ facilitatorId: 'fac-1' });
    clock.now += 10 * 60_000;
    expect(await app.sessions.alive(session!.idHash)).toBe(false);
    expect(await app.sessions.authenticate(cookie, false)).toBeUndefined();
    expect(await app.sessions.authenticate(undefined, true)).toBeUndefined();
    expect(await app.sessions.authenticate(`${SESSION_COOKIE}=forged`, true)).toBeUndefined();
    await app.close();
  });

  test('signing out ends the session the cookie names', async () => {
    const { app, rows } = await sessionsApp();
    const { id } = await app.sessions.open('fac-1');
    expect(await app.sessions.end(`${SESSION_COOKIE}=${id}`)).toMatchObject({ facilitatorId: 'fac-1' });
    expect(rows.size).toBe(0);
    expect(await app.sessions.end(undefined)).toBeUndefined();
    await app.close();
  });

  test('bad options fail at registration, and Socket.IO needs the sessions plugin first', async () => {
    const bad = Fastify();
    await expect(bad.register(sessionsPlugin, { store: undefined as never, clock: Date.now, idleMinutes: 15, sessionHours: 12 })).rejects.toThrow(/sessions:/);
    const alone = Fastify();
    const hub = new RealtimeHub({ info() {}, warn() {}, error() {} });
    await expect(alone.register(realtimePlugin, { hub, services: h.server.threshold.services })).rejects.toThrow(/threshold-sessions/);
  });

  test('closing the server with connections open finishes, and the clients are told to reconnect', async () => {
    // Regression pinned: without the plugin's preClose, app.close() waits forever for open websockets.
    const server = await startServer();
    const own = await createFixture(server.url);
    const display = await Client.open(server.url, { token: own.links.display.token });
    const gone = nextDisconnect(display);
    await server.close();
    expect(await gone).toBe('transport close');
    display.close();
  });
});
