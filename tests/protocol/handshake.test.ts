// Who may connect: every refusal happens at the handshake, with a code a
// program can act on and a message a person can.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { HANDSHAKE_ERRORS } from '../../shared/protocol.js';
import { Harness, secondFacilitator, type Fixture } from './support.js';

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
