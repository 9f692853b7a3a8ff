// Treatment logistics (issue 11, section 1): the interventionist's facilities,
// and per case a primary and a backup place, the journey and a packing list.
// One rule here says whether the primary place is confirmed (`placeCheck`): the
// readiness checklist reads it, and the server stamps it onto `offer.present`
// so that the meeting's machine can hold the offer until the place is ready.
import { z } from 'zod';
import { LIMITS } from '../vocabulary.js';
import {
  BED_STATUSES, INSURANCE_STATUSES, LEVELS_OF_CARE, TRANSPORT_MODES, type LogisticsItem,
} from './vocabulary.js';

const id = z.string().min(1).max(LIMITS.id);
const note = z.string().max(LIMITS.note);
/** A time, in milliseconds since the epoch, as everywhere in the API. */
const time = z.number().int().nonnegative();
const shortText = (max: number) => z.string().trim().min(1).max(max);

/** `POST /api/facilities`: a place the interventionist works with. `notes` is sealed at rest. */
export const facilitySchema = z.strictObject({
  name: shortText(LIMITS.name),
  levelsOfCare: z.array(z.enum(LEVELS_OF_CARE)).min(1).max(LEVELS_OF_CARE.length)
    .refine((levels) => new Set(levels).size === levels.length, 'each level of care once'),
  phone: z.string().trim().max(40).default(''),
  address: z.string().trim().max(300).default(''),
  notes: note.default(''),
});
export type Facility = z.infer<typeof facilitySchema>;

/** `PATCH /api/facilities/:facilityId`: any of the fields. */
export const facilityPatchSchema = z.strictObject({
  name: facilitySchema.shape.name.optional(),
  levelsOfCare: facilitySchema.shape.levelsOfCare.optional(),
  phone: z.string().trim().max(40).optional(),
  address: z.string().trim().max(300).optional(),
  notes: note.optional(),
});
export type FacilityPatch = z.infer<typeof facilityPatchSchema>;

/** One place: the facility, the level of care, the bed, the insurance, the admission, what intake asks for. */
export const placePlanSchema = z.strictObject({
  facilityId: id.nullable().default(null),
  levelOfCare: z.enum(LEVELS_OF_CARE).nullable().default(null),
  bed: z.strictObject({ status: z.enum(BED_STATUSES), heldUntil: time.nullable().default(null) }).default({ status: 'none', heldUntil: null }),
  insurance: z.strictObject({ status: z.enum(INSURANCE_STATUSES), notes: note.default('') }).default({ status: 'unknown', notes: '' }),
  admission: z.strictObject({ at: time.nullable().default(null) }).default({ at: null }),
  intakeRequirements: z.array(shortText(300)).max(40).default([]),
});
export type PlacePlan = z.infer<typeof placePlanSchema>;

export const transportSchema = z.strictObject({
  mode: z.enum(TRANSPORT_MODES).nullable().default(null),
  driverParticipantId: id.nullable().default(null),
  departAt: time.nullable().default(null),
  notes: note.default(''),
});
export type Transport = z.infer<typeof transportSchema>;

export const packingItemSchema = z.strictObject({ item: shortText(200), packed: z.boolean().default(false) });
export type PackingItem = z.infer<typeof packingItemSchema>;

/** `PUT /api/cases/:caseId/logistics`: the whole document, sealed at rest as one. Left-out parts are empty. */
export const logisticsSchema = z.strictObject({
  primary: placePlanSchema.nullable().default(null),
  backup: placePlanSchema.nullable().default(null),
  transport: transportSchema.nullable().default(null),
  packingList: z.array(packingItemSchema).max(100).default([]),
});
export type CaseLogistics = z.infer<typeof logisticsSchema>;

/** A case with nothing planned yet. */
export const EMPTY_LOGISTICS: CaseLogistics = { primary: null, backup: null, transport: null, packingList: [] };

/** Whether the primary place is ready for the offer, and if not, what is missing in words (never a name). */
export interface PlaceCheck {
  ready: boolean;
  missing: string[];
}

/**
 * The one rule for "primary place confirmed" (issue 11): a facility chosen, a bed held (and the hold
 * not run out at `now`, ms) or confirmed, insurance verified or self-pay, and an admission time set.
 */
export function placeCheck(logistics: CaseLogistics, now: number): PlaceCheck {
  const place = logistics.primary;
  if (!place) return { ready: false, missing: ['No primary place is planned'] };
  const missing: string[] = [];
  if (place.facilityId === null) missing.push('The primary place has no facility chosen');
  if (place.bed.status === 'none') missing.push('The primary place has no bed held');
  else if (place.bed.status === 'held' && place.bed.heldUntil !== null && place.bed.heldUntil <= now) {
    missing.push('The bed held at the primary place is no longer held: its hold ran out');
  }
  if (place.insurance.status !== 'verified' && place.insurance.status !== 'self-pay') {
    missing.push('The primary place has no insurance verified (or self-pay agreed)');
  }
  if (place.admission.at === null) missing.push('The primary place has no admission time set');
  return { ready: missing.length === 0, missing };
}

type Verdict = { done: boolean; detail: string };

function backupIdentified(l: CaseLogistics): Verdict {
  if (l.backup?.facilityId) return { done: true, detail: 'A backup place is identified' };
  return { done: false, detail: 'No backup place is identified: choose a second facility in case the first falls through' };
}

function transportPlanned(l: CaseLogistics): Verdict {
  const t = l.transport;
  const missing = [
    !t?.mode && 'how they travel',
    !t?.departAt && 'when they leave',
    t?.mode === 'car' && !t.driverParticipantId && 'who drives',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length === 0) return { done: true, detail: 'The journey is planned' };
  return { done: false, detail: `The journey has no ${missing.join(', ')} yet` };
}

/** The verdict on one logistics item at `now` (ms). */
export function logisticsVerdict(item: LogisticsItem, logistics: CaseLogistics, now: number): Verdict {
  switch (item) {
    case 'treatment-place-confirmed': {
      const check = placeCheck(logistics, now);
      return check.ready ? { done: true, detail: 'The primary place is confirmed' } : { done: false, detail: check.missing.join('; ') };
    }
    case 'backup-place-identified':
      return backupIdentified(logistics);
    case 'transport-planned':
      return transportPlanned(logistics);
  }
}

/** `medical-detox-planned` with logistics: done only when the primary place's level is medically managed detox. */
export function detoxVerdict(logistics: CaseLogistics): Verdict {
  if (logistics.primary?.levelOfCare === 'medically-managed-detox') return { done: true, detail: 'The primary place is medically managed detox' };
  return { done: false, detail: 'With a risk of withdrawal, the primary place should be medically managed detox' };
}
