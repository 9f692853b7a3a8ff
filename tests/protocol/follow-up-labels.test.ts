// A newcomer's trial, item 2, over a real server: the follow-up calls fell at
// the minute the meeting ended, and the calendar feed named each only "Case
// 2bdbd901". Now the schedule falls at FOLLOW_UP_TIME in PRACTICE_TIME_ZONE,
// each call can be moved to another time of day, and each case has a short
// label the interventionist chooses ("Case 1" until they do), never a name.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AfterCareServer, NAMES, PRACTICE_ZONE } from './after-care-support.js';
import { patch, put } from './case-support.js';

// 21:47 in Chicago on 31 August 2026 (02:47 UTC on 1 September).
const ENDED = Date.UTC(2026, 8, 1, 2, 47);
const h = new AfterCareServer({ FOLLOW_UP_TIME: '09:30' });
beforeAll(() => h.start());
afterAll(() => h.close());

async function feed(cookie: string) {
  const { default: ICAL } = await import('ical.js');
  const text = await (await fetch(`${h.server.url}/api/follow-ups.ics`, { headers: { cookie } })).text();
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { text, events };
}

test('trial item 2, case 4: a meeting over at 21:47 schedules its calls at FOLLOW_UP_TIME in the practice zone, and one call moves to another time', async () => {
  h.now = ENDED;
  const fx = await h.fixture();
  await h.endMeeting(fx, 'declined');
  const { followUps } = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body as { followUps: Array<{ id: string; kind: string; dueAt: number }> };
  const clock = (at: number) => new Intl.DateTimeFormat('en-GB', { timeZone: PRACTICE_ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  expect(new Set(followUps.map((f) => clock(f.dueAt)))).toEqual(new Set(['09:30']));
  // Counted from the day the meeting ended there (31 August), not from 1 September in UTC.
  expect(new Date(followUps[0]!.dueAt).toISOString()).toBe('2026-09-01T14:30:00.000Z');
  const later = followUps[0]!.dueAt + 5.5 * 3_600_000;
  expect((await patch(fx.api, `/api/cases/${fx.caseId}/follow-ups/${followUps[0]!.id}`, { dueAt: later })).body.dueAt).toBe(later);
  expect(clock(later)).toBe('15:00');
});

test('trial item 2, case 5: the feed names each call by its case label: "Case n" per practice by default, or the one chosen; never a name', async () => {
  h.now = ENDED;
  const first = await h.fixture();
  const second = await h.fixture(first.api);
  await h.endMeeting(second, 'declined');
  const label = async (caseId: string) => (await first.api.get(`/api/cases/${caseId}/follow-ups`)).body.calendarLabel;
  const [one, two] = [await label(first.caseId), await label(second.caseId)];
  expect(one.chosen).toBe(false);
  expect(Number(two.label.replace('Case ', ''))).toBe(Number(one.label.replace('Case ', '')) + 1);
  let { events } = await feed(first.api.cookie);
  const summaries = (caseId: string) => events.filter((e) => e.description === `Case reference ${caseId.slice(0, 8)}`).map((e) => e.summary);
  expect(new Set(summaries(second.caseId))).toEqual(new Set([`Follow-up call: ${two.label}`]));

  const chosen = await put(first.api, `/api/cases/${second.caseId}/calendar-label`, { label: '  Tuesday family  ' });
  expect(chosen.status).toBe(200);
  expect(chosen.body).toEqual({ label: 'Tuesday family', chosen: true });
  const current = await feed(first.api.cookie);
  events = current.events;
  expect(new Set(summaries(second.caseId))).toEqual(new Set(['Follow-up call: Tuesday family']));
  for (const word of Object.values(NAMES)) expect({ word, found: current.text.includes(word) }).toEqual({ word, found: false });

  expect((await put(first.api, `/api/cases/${second.caseId}/calendar-label`, { label: '' })).status).toBe(400);
  expect((await put(first.api, `/api/cases/${second.caseId}/calendar-label`, { label: 'x'.repeat(41) })).status).toBe(400);
  expect((await put(first.api, `/api/cases/${second.caseId}/calendar-label`, { label: null })).body).toEqual(two);
});
