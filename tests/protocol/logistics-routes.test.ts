// Issue 11, section 1, over a real server: the facilitator's own facilities
// (another's is a 404), a case's logistics with 400s that name the field, the
// place's readiness in the answer, the checklist reading it, and the notes,
// insurance notes and intake requirements sealed on disk.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { caseFixture, patch, put, type CaseFixture } from './case-support.js';
import { Harness, secondFacilitator } from './support.js';

const h = new Harness();
let fx: CaseFixture;

/** Distinctive health data, so that base64 ciphertext cannot hold one by chance. */
const SEALED = {
  facilityNote: 'Facility-note-heron-basalt: the intake nurse prefers calls before noon',
  insuranceNote: 'Insurance-note-plover-garnet: prior authorisation reference 55-A',
  intake: 'Intake-requirement-osprey-cinder: photo identity and current prescriptions',
  transportNote: 'Transport-note-wren-obsidian: leave by the back door, the neighbours watch',
};

const HOUR = 3_600_000;

beforeAll(async () => {
  await h.start();
  fx = await caseFixture(h.server.url);
});
afterAll(() => h.close());

async function facility(body: Record<string, unknown> = {}) {
  const res = await fx.api.post('/api/facilities', { name: 'Oak House', levelsOfCare: ['residential', 'medically-managed-detox'], ...body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

test('issue 11, case 13: facilities are created, listed, read and patched; a bad one is a 400 naming the field', async () => {
  const id = await facility({ phone: '+1 555 0100', address: '1 Oak Lane', notes: SEALED.facilityNote });
  const listed = await fx.api.get('/api/facilities');
  expect(listed.body.facilities.find((f: { id: string }) => f.id === id)).toMatchObject({
    name: 'Oak House', levelsOfCare: ['residential', 'medically-managed-detox'], phone: '+1 555 0100', notes: SEALED.facilityNote,
  });
  const patched = await patch(fx.api, `/api/facilities/${id}`, { levelsOfCare: ['residential'] });
  expect(patched.status).toBe(200);
  expect((await fx.api.get(`/api/facilities/${id}`)).body).toMatchObject({ name: 'Oak House', levelsOfCare: ['residential'] });

  const bad = await fx.api.post('/api/facilities', { name: 'Elm', levelsOfCare: ['rehab'] });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/^levelsOfCare\.0: /);
  expect((await fx.api.post('/api/facilities', { levelsOfCare: ['residential'] })).body.error.message).toMatch(/^name: /);
  expect((await patch(fx.api, `/api/facilities/${id}`, { colour: 'red' })).body.error.message).toMatch(/unknown field "colour"/);
});

test("issue 11, case 14: another facilitator's facility and case logistics are a 404, and their facility cannot be planned", async () => {
  const id = await facility();
  const eli = await secondFacilitator(h.server);
  expect((await eli.get(`/api/facilities/${id}`)).status).toBe(404);
  expect((await patch(eli, `/api/facilities/${id}`, { name: 'Mine now' })).status).toBe(404);
  expect((await eli.get('/api/facilities')).body.facilities).toEqual([]);
  expect((await eli.get(`/api/cases/${fx.caseId}/logistics`)).status).toBe(404);
  expect((await put(eli, `/api/cases/${fx.caseId}/logistics`, {})).status).toBe(404);

  const theirs = (await eli.post('/api/facilities', { name: 'Elm', levelsOfCare: ['outpatient'] })).body.id;
  const refused = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, { primary: { facilityId: theirs } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe("primary.facilityId: not one of the case's facilities (its owner's list)");
});

test('issue 11, case 15: a case\'s logistics are saved whole; the answer says what the place still lacks, and the checklist reads it', async () => {
  const id = await facility({ notes: SEALED.facilityNote });
  const empty = await fx.api.get(`/api/cases/${fx.caseId}/logistics`);
  expect(empty.body).toEqual({
    logistics: { primary: null, backup: null, transport: null, packingList: [] }, updatedAt: null,
    place: { planned: false, ready: false, missing: ['No primary place is planned'] },
    // The case owner's facilities, which its places are chosen from (issue 16: a co-facilitator picks from them too).
    facilities: expect.arrayContaining([expect.objectContaining({ id })]),
  });

  const now = Date.now();
  const body = {
    primary: {
      facilityId: id, levelOfCare: 'residential', bed: { status: 'none' },
      insurance: { status: 'verified', notes: SEALED.insuranceNote }, admission: { at: now + 3 * HOUR }, intakeRequirements: [SEALED.intake],
    },
    transport: { mode: 'car', driverParticipantId: fx.ids.ann, departAt: now + 2 * HOUR, notes: SEALED.transportNote },
    packingList: [{ item: 'Medications in their boxes', packed: true }, { item: 'Phone charger' }],
  };
  const saved = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, body);
  expect(saved.status).toBe(200);
  expect(saved.body.place).toEqual({ planned: true, ready: false, missing: ['The primary place has no bed held'] });
  expect(saved.body.logistics.packingList).toEqual([{ item: 'Medications in their boxes', packed: true }, { item: 'Phone charger', packed: false }]);
  const again = await fx.api.get(`/api/cases/${fx.caseId}/logistics`);
  expect(again.body.logistics.primary.intakeRequirements).toEqual([SEALED.intake]);
  expect(again.body.logistics.transport.notes).toBe(SEALED.transportNote);

  const readiness = (await fx.api.get(`/api/cases/${fx.caseId}/plan`)).body.readiness as Array<{ item: string; done: boolean; detail: string }>;
  expect(readiness.find((r) => r.item === 'treatment-place-confirmed')).toEqual({
    item: 'treatment-place-confirmed', done: false, waived: false, detail: 'The primary place has no bed held',
  });
  expect(readiness.find((r) => r.item === 'transport-planned')?.done).toBe(true);
  expect(readiness.find((r) => r.item === 'backup-place-identified')?.done).toBe(false);

  const held = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, { ...body, primary: { ...body.primary, bed: { status: 'held', heldUntil: now + 5 * HOUR } } });
  expect(held.body.place).toEqual({ planned: true, ready: true, missing: [] });
  const marked = await put(fx.api, `/api/cases/${fx.caseId}/readiness/treatment-place-confirmed`, { state: 'done' });
  expect(marked.status).toBe(400);
});

test('issue 11, case 16: bad logistics are 400s that name the field, and nothing is saved', async () => {
  const before = (await fx.api.get(`/api/cases/${fx.caseId}/logistics`)).body;
  const cases: Array<[unknown, RegExp]> = [
    [{ primary: { bed: { status: 'reserved' } } }, /^primary\.bed\.status: /],
    [{ backup: { admission: { at: 'tomorrow' } } }, /^backup\.admission\.at: /],
    [{ transport: { mode: 'boat' } }, /^transport\.mode: /],
    [{ transport: { driverParticipantId: 'nobody' } }, /^transport\.driverParticipantId: not a participant of this case$/],
    [{ packingList: [{ item: '' }] }, /^packingList\.0\.item: /],
    [{ primary: {}, secret: 1 }, /unknown field "secret"/],
  ];
  for (const [body, words] of cases) {
    const res = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, body);
    expect({ body, status: res.status }).toEqual({ body, status: 400 });
    expect(res.body.error.message).toMatch(words);
  }
  const oak = await facility({ levelsOfCare: ['outpatient'] });
  const level = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, { primary: { facilityId: oak, levelOfCare: 'residential' } });
  expect(level.body.error.message).toMatch(/^primary\.levelOfCare: that facility does not offer/);
  // Nothing saved: the document as before (the facilities list has grown by the one just added).
  const after = (await fx.api.get(`/api/cases/${fx.caseId}/logistics`)).body;
  expect({ ...after, facilities: undefined }).toEqual({ ...before, facilities: undefined });
});

test('issue 11, case 17: facility notes, insurance notes, intake requirements and transport notes are sealed on disk', () => {
  const onDisk = readdirSync(h.server.dataDir).filter((f) => f.startsWith('threshold.sqlite'))
    .map((f) => readFileSync(join(h.server.dataDir, f)).toString('latin1')).join('\n');
  expect(onDisk.length).toBeGreaterThan(0);
  for (const [what, text] of Object.entries(SEALED)) expect({ what, found: onDisk.includes(text.slice(0, 30)) }).toEqual({ what, found: false });
  // The level of care and the bed's status are inside the sealed document too.
  for (const clear of ['"bed"', 'intakeRequirements', 'packingList']) expect({ clear, found: onDisk.includes(clear) }).toEqual({ clear, found: false });
  const db = new Database(join(h.server.dataDir, 'threshold.sqlite'), { readonly: true });
  try {
    const sealed = db.prepare('SELECT notes AS v FROM facilities UNION ALL SELECT document_json FROM case_logistics').all() as Array<{ v: string }>;
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    for (const { v } of sealed) expect(v.startsWith('{') || v.includes(' ')).toBe(false);
  } finally {
    db.close();
  }
});
