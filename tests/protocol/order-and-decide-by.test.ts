// Issue 12 follow-ups over real sockets: an empty speaking order and a
// decide-by date in the past are refused with words that say what to do, and
// the facilitator's buttons say so before anything is sent.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { command, Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
const rev = () => facilitator.view.revision;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
});
afterAll(() => h.close());

test('case 1: order.set with an empty list is NOT_ALLOWED, and the order stays as it was', async () => {
  expect((facilitator.view as FacilitatorView).allowed).toContain('order.set');
  const ack = await command(facilitator, 'order.set', { participantIds: [] }, rev());
  expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('at least one person') } });
  expect(facilitator.view.speakingOrder.map((s) => s.participantId)).toEqual([fx.ids.ann, fx.ids.bob, fx.ids.cy]);
});

test('case 2: with the last person in the order turned away, turns.begin is refused and its button is off', async () => {
  expect(await facilitator.send({ type: 'order.set', participantIds: [fx.ids.cy] })).toMatchObject({ ok: true });
  await h.open({ token: fx.tokenOf(fx.ids.cy) });
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'lobby.deny', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  const view = (await facilitator.waitFor((v) => v.speakingOrder.length === 0)) as FacilitatorView;
  expect(view.allowed).not.toContain('turns.begin');
  const ack = await command(facilitator, 'turns.begin', {}, rev());
  expect(ack).toMatchObject({
    ok: false,
    error: { code: 'NOT_ALLOWED', message: 'Nobody in the speaking order can be called: let someone in from the lobby, or change the order' },
  });
  expect(await facilitator.send({ type: 'order.set', participantIds: [fx.ids.ann] })).toMatchObject({ ok: true });
  expect((facilitator.view as FacilitatorView).allowed).toContain('turns.begin');
});

test('case 3: meeting.end with decideBy 1999-01-01 is NOT_ALLOWED with words that say the date has passed; today is accepted', async () => {
  const past = await command(facilitator, 'meeting.end', { outcome: 'deferred', decideBy: '1999-01-01' }, rev());
  expect(past).toMatchObject({
    ok: false,
    error: { code: 'NOT_ALLOWED', message: 'That decide-by date has already passed: choose today or a later day' },
  });
  expect(facilitator.view.phase).toBe('opening');
  const today = new Date().toISOString().slice(0, 10);
  expect(await command(facilitator, 'meeting.end', { outcome: 'deferred', decideBy: today }, rev())).toMatchObject({ ok: true });
  const view = (await facilitator.waitFor((v) => v.phase === 'outcome')) as FacilitatorView;
  expect(view.outcomeDetail).toMatchObject({ kind: 'deferred', decideBy: today });
});
