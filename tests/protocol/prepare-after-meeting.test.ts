// A newcomer's trial, item 1, over a real server: after the meeting the
// preparation page still spoke of getting ready, and said "you shared a bottom
// line" when the meeting ended before that round. GET /api/prepare now says
// whether the meeting has taken place (its outcome stored) and, from the
// meeting's own log, whether this person's bottom line was read to the end.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, type Fixture } from '../helpers/server.js';
import { AfterCareServer, T } from './after-care-support.js';
import { Family } from './prepare-support.js';

const h = new AfterCareServer();
beforeAll(() => h.start());
afterAll(() => h.close());

async function linkOf(fx: Fixture, participantId: string): Promise<Family> {
  const res = await fx.api.post(`/api/cases/${fx.caseId}/participants/${participantId}/prepare-link`);
  expect(res.status).toBe(201);
  return new Family(h.server.url, res.body.token);
}

/** Runs the meeting from the console through `steps`, each accepted, a minute apart on the server's clock. */
async function run(fx: Fixture, steps: Array<Record<string, unknown>>): Promise<void> {
  const facilitator = await Client.open(h.server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  try {
    for (const step of steps) {
      h.now += 60_000;
      expect({ step, ack: await facilitator.send(step as never) }).toMatchObject({ step, ack: { ok: true } });
    }
  } finally {
    facilitator.close();
  }
}

const TO_THE_OFFER = [
  { type: 'meeting.start' }, { type: 'turns.begin' }, { type: 'turn.next' }, { type: 'turn.next' }, { type: 'turn.next' },
  { type: 'offer.present', override: 'Testing the page after the meeting' }, { type: 'offer.respond', response: 'declined' },
];

test('trial item 1, case 1: before the meeting nothing is said of it; after a meeting that ended before the bottom lines, none was shared', async () => {
  h.now = T;
  const fx = await h.fixture();
  const ann = await linkOf(fx, fx.ids.ann);
  expect((await ann.get('/api/prepare')).body.meetingHeld).toBeNull();
  await run(fx, [...TO_THE_OFFER, { type: 'meeting.end', outcome: 'declined' }]);
  const after = (await ann.get('/api/prepare')).body;
  expect(after.meetingHeld).toEqual({ endedAt: h.now, bottomLineShared: false });
  // Her bottom line is still her commitment; the page words it without claiming it was read.
  expect((await ann.get('/api/prepare/commitment')).body.commitment.status).toBe('not-yet');
});

test('trial item 1, case 2: the log decides: the reader who finished shared it, the one cut off by the end did not', async () => {
  h.now = T;
  const fx = await h.fixture();
  const [ann, bob, cy] = [await linkOf(fx, fx.ids.ann), await linkOf(fx, fx.ids.bob), await linkOf(fx, fx.ids.cy)];
  await run(fx, [...TO_THE_OFFER, { type: 'bottomLines.begin' }, { type: 'turn.next' }, { type: 'meeting.end', outcome: 'declined' }]);
  expect((await ann.get('/api/prepare')).body.meetingHeld).toEqual({ endedAt: h.now, bottomLineShared: true });
  expect((await bob.get('/api/prepare')).body.meetingHeld).toEqual({ endedAt: h.now, bottomLineShared: false });
  expect((await cy.get('/api/prepare')).body.meetingHeld).toEqual({ endedAt: h.now, bottomLineShared: false });
});
