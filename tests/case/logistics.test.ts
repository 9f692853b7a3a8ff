// Issue 11, section 1: the one rule for "primary place confirmed", the
// logistics readiness items, medical detox read from the primary place's level
// of care, and the schema's 400 words naming the field.
import { describe, expect, test } from 'vitest';
import { describeIssues } from '../../shared/protocol.js';
import { EMPTY_LOGISTICS, logisticsSchema, placeCheck, placePlanSchema, type CaseLogistics } from '../../shared/case/logistics.js';
import { plan } from '../../shared/case/plan.js';
import { markProblem } from '../../shared/case/readiness.js';
import { calmAssessment, readyContent, T } from './support.js';

const HOUR = 3_600_000;

/** A primary place that passes the rule, with `over` laid on top. */
function confirmedPlace(over: Record<string, unknown> = {}) {
  return placePlanSchema.parse({
    facilityId: 'fac-oak', levelOfCare: 'residential', bed: { status: 'held', heldUntil: T + 4 * HOUR },
    insurance: { status: 'verified' }, admission: { at: T + 3 * HOUR }, ...over,
  });
}

const logistics = (over: Partial<CaseLogistics> = {}): CaseLogistics => ({ ...EMPTY_LOGISTICS, primary: confirmedPlace(), ...over });
const entry = (l: CaseLogistics, item: string, assessment = calmAssessment()) =>
  plan('preparation', readyContent({ assessment, logistics: { logistics: l, now: T } })).readiness.find((e) => e.item === item);

describe('the primary place (issue 11, section 1)', () => {
  test('issue 11, case 1: no primary place planned is not ready, in words', () => {
    expect(placeCheck(EMPTY_LOGISTICS, T)).toEqual({ ready: false, missing: ['No primary place is planned'] });
  });

  test('issue 11, case 2: each missing part is named: no bed held, insurance, admission time, facility', () => {
    const bare = placePlanSchema.parse({});
    expect(placeCheck(logistics({ primary: bare }), T).missing).toEqual([
      'The primary place has no facility chosen',
      'The primary place has no bed held',
      'The primary place has no insurance verified (or self-pay agreed)',
      'The primary place has no admission time set',
    ]);
    expect(placeCheck(logistics({ primary: confirmedPlace({ bed: { status: 'none' } }) }), T))
      .toEqual({ ready: false, missing: ['The primary place has no bed held'] });
  });

  test('issue 11, case 3: a bed held or confirmed, insurance verified or self-pay, and an admission time: ready', () => {
    expect(placeCheck(logistics(), T)).toEqual({ ready: true, missing: [] });
    expect(placeCheck(logistics({ primary: confirmedPlace({ bed: { status: 'confirmed' }, insurance: { status: 'self-pay' } }) }), T).ready).toBe(true);
    for (const status of ['unknown', 'pending', 'denied']) {
      expect(placeCheck(logistics({ primary: confirmedPlace({ insurance: { status } }) }), T).ready).toBe(false);
    }
  });

  test('issue 11, case 4: a bed hold that ran out no longer counts', () => {
    const lapsed = logistics({ primary: confirmedPlace({ bed: { status: 'held', heldUntil: T - 1 } }) });
    expect(placeCheck(lapsed, T).missing).toEqual(['The bed held at the primary place is no longer held: its hold ran out']);
    expect(placeCheck(lapsed, T - 2).ready).toBe(true);
  });
});

describe('the logistics readiness items', () => {
  test('issue 11, case 5: listed after the preparation, read from the logistics; not listed without them', () => {
    const without = plan('preparation', readyContent()).readiness.map((e) => e.item);
    expect(without).not.toContain('treatment-place-confirmed');
    expect(entry(EMPTY_LOGISTICS, 'treatment-place-confirmed')).toEqual({
      item: 'treatment-place-confirmed', done: false, waived: false, detail: 'No primary place is planned',
    });
    expect(entry(logistics(), 'treatment-place-confirmed')).toMatchObject({ done: true });
    expect(entry(logistics(), 'backup-place-identified')).toMatchObject({ done: false });
    expect(entry(logistics({ backup: placePlanSchema.parse({ facilityId: 'fac-elm' }) }), 'backup-place-identified')).toMatchObject({ done: true });
  });

  test('issue 11, case 6: the journey needs how, when, and for a car who drives', () => {
    const transport = (t: Record<string, unknown>) => logistics({ transport: logisticsSchema.parse({ transport: t }).transport });
    expect(entry(logistics(), 'transport-planned')?.detail).toBe('The journey has no how they travel, when they leave yet');
    expect(entry(transport({ mode: 'car', departAt: T }), 'transport-planned')).toMatchObject({ done: false, detail: 'The journey has no who drives yet' });
    expect(entry(transport({ mode: 'car', departAt: T, driverParticipantId: 'p-ann' }), 'transport-planned')?.done).toBe(true);
    expect(entry(transport({ mode: 'facility-transport', departAt: T }), 'transport-planned')?.done).toBe(true);
  });

  test('issue 11, case 7: with withdrawal risk, detox is planned only when the primary place is medically managed detox', () => {
    const risky = calmAssessment({ substances: [{ substance: 'alcohol', pattern: 'daily' }] });
    expect(entry(logistics(), 'medical-detox-planned', risky)).toMatchObject({ done: false });
    expect(entry(logistics({ primary: confirmedPlace({ levelOfCare: 'medically-managed-detox' }) }), 'medical-detox-planned', risky))
      .toMatchObject({ done: true, detail: 'The primary place is medically managed detox' });
    // A hand mark no longer counts, and is refused: the level of care decides.
    const marked = plan('preparation', readyContent({ assessment: risky, readiness: [{ item: 'medical-detox-planned', state: 'done' }], logistics: { logistics: logistics(), now: T } }));
    expect(marked.readiness.find((e) => e.item === 'medical-detox-planned')?.done).toBe(false);
    expect(markProblem({ item: 'medical-detox-planned', state: 'done' })).toMatch(/can be waived with a reason/);
    expect(markProblem({ item: 'transport-planned', state: 'done' })).toMatch(/can be waived with a reason/);
    // Without withdrawal risk the item is not listed at all.
    expect(entry(logistics(), 'medical-detox-planned')).toBeUndefined();
  });
});

describe('the logistics document as sent', () => {
  test('issue 11, case 8: a bad value is a 400 naming the field', () => {
    const bad = (body: unknown) => {
      const r = logisticsSchema.safeParse(body);
      return r.success ? null : describeIssues(r.error);
    };
    expect(bad({ primary: { bed: { status: 'reserved' } } })).toMatch(/^primary\.bed\.status: /);
    expect(bad({ transport: { mode: 'boat' } })).toMatch(/^transport\.mode: /);
    expect(bad({ packingList: [{ item: '' }] })).toMatch(/^packingList\.0\.item: /);
    expect(bad({ primary: { levelOfCare: 'rehab' } })).toMatch(/^primary\.levelOfCare: /);
    expect(bad({ backup: {}, extra: 1 })).toMatch(/unknown field "extra"/);
    expect(logisticsSchema.parse({})).toEqual(EMPTY_LOGISTICS);
  });
});
