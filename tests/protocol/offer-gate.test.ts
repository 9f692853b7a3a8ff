// Issue 11, section 2, over real sockets: the offer waits for the treatment
// place. With no bed held the offer is refused NOT_ALLOWED with words naming
// what is missing; an override with a reason goes through and is kept in the
// meeting's log (not in the audit log, which holds no reasons); with the place
// confirmed the offer goes straight through; a case with no logistics at all
// is not held. Tablets and the display never see any of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MeetingView } from '../../shared/meeting/view.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import type { Api, Fixture } from '../helpers/server.js';
import { put } from './case-support.js';
import { Harness, type Client } from './support.js';

const h = new Harness();
const HOUR = 3_600_000;

/** Distinctive words that must never reach a tablet or the display. */
const PRIVATE = {
  facility: 'Facility-name-kestrel-marble',
  insurance: 'Insurance-note-lichen-copper: plan 44 pending',
  transport: 'Transport-note-fennel-granite: uncle drives the blue van',
  override: 'Override-reason-tansy-harbour: the centre takes walk-ins tonight',
};

let facilityId: string;
/** Signed in by the first fixture; reused, since logins are rate-limited. */
let signedIn: Api | undefined;

beforeAll(async () => {
  await h.start();
});
afterAll(() => h.close());

/** The case's logistics with the primary place at `bed`: verified insurance and an admission time either way. */
async function planPlace(api: Api, caseId: string, bed: 'none' | 'confirmed') {
  facilityId ??= (await api.post('/api/facilities', { name: PRIVATE.facility, levelsOfCare: ['residential'] })).body.id;
  const res = await put(api, `/api/cases/${caseId}/logistics`, {
    primary: {
      facilityId, levelOfCare: 'residential', bed: { status: bed },
      insurance: { status: 'verified', notes: PRIVATE.insurance }, admission: { at: Date.now() + 2 * HOUR },
    },
    transport: { mode: 'facility-transport', departAt: Date.now() + HOUR, notes: PRIVATE.transport },
  });
  expect(res.status).toBe(200);
}

interface Room {
  fx: Fixture;
  facilitator: Client;
  ann: Client;
  bob: Client;
  display: Client;
}

/** A meeting from a new case, with two tablets and the display, brought to the letters. */
async function meetingAtTheLetters(bed: 'none' | 'confirmed' | 'no-logistics'): Promise<Room> {
  const fx = await h.fixture({
    api: signedIn,
    beforeMeeting: bed === 'no-logistics' ? undefined : (a, caseId) => planPlace(a, caseId, bed),
  });
  signedIn = fx.api;
  const facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
  const display = await h.open({ token: fx.links.display.token });
  for (const type of ['meeting.start', 'turns.begin']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  return { fx, facilitator, ann, bob, display };
}

const eventsOf = async (meetingId: string) =>
  (await (h.server.threshold.services.store as SqliteStore).meetings.listEvents(meetingId)).map((e) => e.event);

describe('the offer waits for the place', () => {
  let room: Room;

  test('issue 11, case 18: with no bed held, offer.present is refused NOT_ALLOWED, naming the missing item', async () => {
    room = await meetingAtTheLetters('none');
    const refused = await room.facilitator.send({ type: 'offer.present' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(!refused.ok && refused.error.message).toBe(
      'The offer waits for the treatment place. The primary place has no bed held. To make the offer anyway, give a reason to override.',
    );
    expect(room.facilitator.view.phase).toBe('speaking');
  });

  test('issue 11, case 19: an override with a reason goes through, and the log keeps it with the place as it was', async () => {
    const empty = await room.facilitator.send({ type: 'offer.present', override: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(!empty.ok && empty.error.message).toMatch(/^override: /);
    expect(await room.facilitator.send({ type: 'offer.present', override: PRIVATE.override })).toMatchObject({ ok: true });
    await room.display.waitFor((v: MeetingView) => v.phase === 'offer');
    const offer = (await eventsOf(room.fx.meetingId)).find((e) => e.type === 'offer.present');
    expect(offer).toMatchObject({ override: PRIVATE.override, placeReady: false, placeMissing: ['The primary place has no bed held'] });
    // The audit log keeps the command's type only: never the reason.
    const audit = await room.fx.api.get(`/api/meetings/${room.fx.meetingId}/audit`);
    expect(audit.body.entries.some((e: { detail: { type?: string } | null }) => e.detail?.type === 'offer.present')).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('tansy-harbour');
    // The meeting report shows the overridden offer with its reason (issue 11, "Done when").
    const report = await room.fx.api.get(`/api/meetings/${room.fx.meetingId}/report`);
    expect(report.status).toBe(200);
    const offers = report.body.timeline.filter((e: { kind: string }) => e.kind === 'offer');
    expect(offers).toEqual([expect.objectContaining({ kind: 'offer', number: 1, override: PRIVATE.override })]);
  });

  test('issue 11, case 20: tablets and the display never see the logistics, the missing items or the override', () => {
    for (const who of ['ann', 'bob', 'display'] as const) {
      const seen = JSON.stringify(room[who].views);
      for (const [what, text] of Object.entries(PRIVATE)) expect({ who, what, found: seen.includes(text.slice(0, 20)) }).toEqual({ who, what, found: false });
      for (const word of ['"bed"', 'admission', 'placeReady', 'placeMissing', 'override', 'insurance', 'logistics']) {
        expect({ who, word, found: seen.includes(word) }).toEqual({ who, word, found: false });
      }
    }
  });
});

test('issue 11, case 21: with the place confirmed, the offer goes straight through', async () => {
  const room = await meetingAtTheLetters('confirmed');
  expect(await room.facilitator.send({ type: 'offer.present' })).toMatchObject({ ok: true });
  const offer = (await eventsOf(room.fx.meetingId)).find((e) => e.type === 'offer.present');
  expect(offer).toMatchObject({ placeReady: true });
  expect(offer).not.toHaveProperty('placeMissing');
});

test('issue 11, case 22: a case with no logistics at all is not held: nothing is planned to check (docs/protocol.md)', async () => {
  const room = await meetingAtTheLetters('no-logistics');
  expect(await room.facilitator.send({ type: 'offer.present' })).toMatchObject({ ok: true });
  const offer = (await eventsOf(room.fx.meetingId)).find((e) => e.type === 'offer.present');
  expect(offer).not.toHaveProperty('placeReady');
});
