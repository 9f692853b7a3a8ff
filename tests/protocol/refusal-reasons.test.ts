// Issue 15, server refusals, over real sockets and HTTP: beside its English `message` the server
// names a family page's refusal by keys (`error.reason`; for a bad field `field`, `reason`, `limit`),
// so a Spanish page words the real reason. Existing fields stay as they were.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Harness, type Client, type Fixture } from './support.js';
import { preparedCase } from './prepare-support.js';

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

test('issue 15, server refusals case 10: a participant’s refused commands carry the rule’s reason beside the English', async () => {
  const nothing = await ann.send({ type: 'signal.withdraw', kind: 'need-a-moment' }, null);
  expect(nothing).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', reason: 'no-signal', message: expect.stringMatching(/no signal of yours/) } });
  const notHers = await ann.send({ type: 'pause.start', reason: 'other' }, facilitator.view!.revision);
  expect(notHers).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'facilitator-only', message: 'Only the facilitator can do this' } });
  const notSpeaking = await ann.send({ type: 'turn.done' }, facilitator.view!.revision);
  expect(notSpeaking).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'not-speaker' } });
  // A refusal that is not about a rule keeps its two fields only.
  const bad = await ann.send({ type: 'signal.send', kind: 'shout' }, null);
  expect(bad.ok ? null : Object.keys(bad.error).sort()).toEqual(['code', 'message']);
});

test('issue 15, server refusals case 11: the preparation routes name the field, the problem and the limit, and a letter step its reason', async () => {
  const { ann: person } = await preparedCase(h.server.url);
  const long = await person.put('/api/prepare/letter', { text: 'x'.repeat(20_001) });
  expect(long.status).toBe(400);
  expect(long.body.error).toMatchObject({ code: 'INVALID', field: 'text', reason: 'too_big', limit: 20_000, message: expect.stringMatching(/^text: /) });
  const empty = await person.post('/api/prepare/letter/submit');
  expect(empty.body.error).toMatchObject({ code: 'NOT_ALLOWED', reason: 'empty', message: 'Write something first, then send it' });
});
