// A newcomer's second trial, finding 2 of the follow-ups: docs/deployment.md
// never named PRACTICE_TIME_ZONE or FOLLOW_UP_TIME, so a hosted server (in UTC)
// put every call at 10:00 UTC. This starts a real server with the very values
// the deployment guide's example exports, and checks the calls land where the
// guide says: 09:30 in Chicago, 14:30 UTC in summer time.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AfterCareServer } from './after-care-support.js';

const guide = readFileSync(new URL('../../docs/deployment.md', import.meta.url), 'utf8');
const exported = (name: string) => guide.match(new RegExp(`^export ${name}='([^']+)'`, 'm'))?.[1];

// 21:47 in Chicago on 31 August 2026 (02:47 UTC on 1 September).
const ENDED = Date.UTC(2026, 8, 1, 2, 47);
const zone = exported('PRACTICE_TIME_ZONE');
const time = exported('FOLLOW_UP_TIME');
const h = new AfterCareServer({ PRACTICE_TIME_ZONE: zone ?? '', FOLLOW_UP_TIME: time ?? '' });
beforeAll(() => h.start());
afterAll(() => h.close());

test('trial 2 finding 2: the deployment guide\'s example sets both settings, and a server started with them puts the calls at 09:30 in Chicago', async () => {
  expect({ zone, time }).toEqual({ zone: 'America/Chicago', time: '09:30' });
  expect(guide).toContain('10:00 UTC');
  h.now = ENDED;
  const fx = await h.fixture();
  await h.endMeeting(fx, 'declined');
  const schedule = await h.schedule(fx);
  // The day after 31 August in Chicago, at 09:30 there (CDT, UTC-5), as the guide says.
  expect(schedule[0]).toEqual(['1-day', '2026-09-01T14:30:00.000Z']);
  // Once the clocks have gone back (CST, UTC-6): 15:30 UTC.
  expect(schedule.find(([kind]) => kind === '6-months')).toEqual(['6-months', '2027-02-28T15:30:00.000Z']);
});
