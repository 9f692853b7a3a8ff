// issue 13, item 19: the refusals a person reads under the console's forms
// were the schema's ("lovedOneName: Too small: expected string to have >=1
// characters"; "turnSeconds: Too small: expected number to be >=30" under a
// field that asks minutes; "letter: Too big: …"). Each is now a sentence in
// the field's own terms and units.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api } from '../helpers/server.js';
import { caseFixture, type CaseFixture } from './case-support.js';
import { Harness } from './support.js';

const h = new Harness();
let api: Api;
let fx: CaseFixture;

beforeAll(async () => {
  const url = (await h.start()).url;
  fx = await caseFixture(url);
  api = fx.api;
});
afterAll(() => h.close());

/** No schema words, no body field names, no comparison signs. */
const DEVELOPER = /Too (small|big)|expected|>=|<=|lovedOneName|turnSeconds|Invalid input/;

test('issue 13, item 19: the new-case form names the person you are helping', async () => {
  const res = await api.post('/api/cases', { lovedOneName: '   ', approach: 'love-first' });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe('Please fill in the name of the person you are helping.');
});

test('issue 13, item 19: the turn is refused in minutes, the unit the form asks for', async () => {
  const short = await api.post(`/api/cases/${fx.caseId}/meetings`, { turnSeconds: 5 });
  expect(short.status).toBe(400);
  expect(short.body.error.message).toBe('The time for each turn must be at least half a minute.');
  const long = await api.post(`/api/cases/${fx.caseId}/meetings`, { turnSeconds: 7200 });
  expect(long.body.error.message).toBe('The time for each turn can be at most 60 minutes.');
});

test('issue 13, item 19: a letter that is too long says how long it may be and how long it is', async () => {
  const res = await api.post(`/api/cases/${fx.caseId}/participants`, {
    name: 'Zed', relationship: 'uncle', attendance: 'in-room', letter: 'x'.repeat(20001),
  });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe('The letter is too long: at most 20,000 characters (it has 20,001).');
});

test('issue 13, item 19: the add-a-person form speaks in its own words for every field', async () => {
  const res = await api.post(`/api/cases/${fx.caseId}/participants`, { name: '', attendance: 'on-zoom' });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/Please fill in the name\./);
  expect(res.body.error.message).toMatch(/how they join: in the room, or remotely by link/);
  expect(res.body.error.message).not.toMatch(DEVELOPER);
});
