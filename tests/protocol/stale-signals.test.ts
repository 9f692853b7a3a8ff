// Over real sockets: signals and ready marks move the revision, yet never make
// a decision STALE; only another decision does. Issue 12, case 1 (signals and
// ready marks never make a facilitator's command STALE).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { codeOf, Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let ann: Client;
let bob: Client;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
});
afterAll(() => h.close());

const signals = () => (facilitator.view as FacilitatorView).signals;

test('issue 12, case 1: a decision sent on the view before a signal, a ready mark and a withdrawal is accepted', async () => {
  const decidedOn = facilitator.view.revision;
  const signal = await ann.send({ type: 'signal.send', kind: 'need-a-moment' }, null);
  // The need-a-moment reaches the console at once, before any decision of the facilitator's.
  await facilitator.waitFor((v) => v.revision === signal.revision);
  expect(signals()).toMatchObject([{ participantId: fx.ids.ann, kind: 'need-a-moment' }]);
  expect(await bob.send({ type: 'participant.ready' }, null)).toMatchObject({ ok: true });
  expect(await bob.send({ type: 'signal.send', kind: 'want-to-speak' }, null)).toMatchObject({ ok: true });
  expect(await bob.send({ type: 'signal.withdraw', kind: 'want-to-speak' }, null)).toMatchObject({ ok: true });
  const lock = await facilitator.send({ type: 'lobby.lock' }, decidedOn);
  expect(lock).toEqual({ ok: true, revision: decidedOn + 5 });
  // Another decision did come in between: the facilitator's own lock. Decided before it, stale.
  expect(codeOf(await facilitator.send({ type: 'lobby.unlock' }, decidedOn))).toBe('STALE');
  expect(codeOf(await facilitator.send({ type: 'lobby.unlock' }, lock.revision - 1))).toBe('STALE');
  // A revision from the future is stale too.
  expect(codeOf(await facilitator.send({ type: 'lobby.unlock' }, lock.revision + 1))).toBe('STALE');
  expect(await ann.send({ type: 'signal.send', kind: 'need-a-moment' }, null)).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'lobby.unlock' }, lock.revision)).toMatchObject({ ok: true });
});

test('issue 12, case 1: a speaker’s turn.done is a decision, so it makes a decision sent before it stale', async () => {
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'turns.begin' })).toMatchObject({ ok: true });
  await ann.waitFor((v) => v.currentSpeakerId === fx.ids.ann);
  const decidedOn = facilitator.view.revision;
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  expect(codeOf(await facilitator.send({ type: 'turn.extend', seconds: 60 }, decidedOn))).toBe('STALE');
});

test('issue 12, case 1: "clear all" decided before a new signal arrived is stale; clearing the one seen is not', async () => {
  const seen = await bob.send({ type: 'signal.send', kind: 'want-to-speak' }, null);
  await facilitator.waitFor((v) => v.revision === seen.revision);
  const bobs = signals().find((s) => s.participantId === fx.ids.bob)!;
  const signalsShown = signals().length;
  expect(await ann.send({ type: 'signal.send', kind: 'want-to-speak' }, null)).toMatchObject({ ok: true });
  expect(codeOf(await facilitator.send({ type: 'signals.clear' }, seen.revision))).toBe('STALE');
  expect(await facilitator.send({ type: 'signals.clear', signalId: bobs.signalId }, seen.revision)).toMatchObject({ ok: true });
  const cleared = await facilitator.waitFor(() => signals().every((s) => s.signalId !== bobs.signalId));
  expect((cleared as FacilitatorView).signals).toHaveLength(signalsShown);
  expect(await facilitator.send({ type: 'signals.clear' })).toMatchObject({ ok: true });
});

test('issue 12, case 1: the repro, a stream of signals while the facilitator works on the newest view, refuses nothing STALE', async () => {
  let streaming = true;
  const stream = async (client: Client) => {
    let sent = 0;
    while (streaming && sent < 60) {
      const kind = sent % 2 ? 'want-to-speak' : 'need-a-moment';
      expect(await client.send({ type: 'signal.send', kind }, null)).toMatchObject({ ok: true });
      sent += 1;
    }
  };
  const streams = Promise.all([stream(ann), stream(bob)]);
  const answers: string[] = [];
  for (let i = 0; i < 8; i++) {
    answers.push(codeOf(await facilitator.send({ type: 'pause.start', reason: 'other' })));
    answers.push(codeOf(await facilitator.send({ type: 'pause.end' })));
  }
  streaming = false;
  await streams;
  expect(answers).toEqual(Array(16).fill('OK'));
});
