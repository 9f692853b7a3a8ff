// Over real sockets: however often someone taps "I need a moment", the
// facilitator sees one signal, and the person can take it back. Issue 12,
// case 1 (in part: open signals are bounded).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { codeOf, Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let ann: Client;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
});
afterAll(() => h.close());

const signals = () => (facilitator.view as FacilitatorView).signals;

test('issue 12, case 1: fifty taps from two tablets of one person make one signal, with the latest time', async () => {
  const annAgain = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  const acks = await Promise.all(
    Array.from({ length: 50 }, (_, i) => (i % 2 ? ann : annAgain).send({ type: 'signal.send', kind: 'need-a-moment' }, null)),
  );
  expect(acks.every((a) => a.ok)).toBe(true);
  const last = Math.max(...acks.map((a) => a.revision));
  const view = (await facilitator.waitFor((v) => v.revision === last)) as FacilitatorView;
  expect(view.signals).toHaveLength(1);
  expect(view.signals[0]).toMatchObject({ participantId: fx.ids.ann, name: 'Ann', kind: 'need-a-moment' });
  // Every view showed the same one signal (the console clears it by its id), its time moving to the latest tap.
  const seen = facilitator.views.flatMap((v) => (v as FacilitatorView).signals);
  expect(new Set(seen.map((s) => s.signalId)).size).toBe(1);
  expect(view.signals[0]!.at).toBe(Math.max(...seen.map((s) => s.at)));
  annAgain.close();
});

test('the person takes their signal back; it leaves the console, and there is nothing more to take back', async () => {
  expect((ann.view as ParticipantView).allowed).toContain('signal.withdraw');
  const ack = await ann.send({ type: 'signal.withdraw', kind: 'need-a-moment' }, null);
  expect(ack).toMatchObject({ ok: true });
  await facilitator.waitFor((v) => v.revision === ack.revision);
  expect(signals()).toEqual([]);
  const mine = (await ann.waitFor((v) => v.revision === ack.revision)) as ParticipantView;
  expect(mine.allowed).not.toContain('signal.withdraw');
  const again = await ann.send({ type: 'signal.withdraw', kind: 'need-a-moment' }, null);
  expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/no signal of yours/) } });
});

test('taking a signal back is never stale: an old revision does not matter (the rules table says never-stale)', async () => {
  expect(await ann.send({ type: 'signal.send', kind: 'want-to-speak' }, 0)).toMatchObject({ ok: true });
  expect(await ann.send({ type: 'signal.withdraw', kind: 'want-to-speak' }, 0)).toMatchObject({ ok: true });
  await facilitator.waitFor(() => signals().length === 0);
});

test('only the person who sent a signal can take it back: the facilitator clears instead', async () => {
  expect(codeOf(await facilitator.send({ type: 'signal.withdraw', kind: 'need-a-moment' }))).toBe('FORBIDDEN');
});
