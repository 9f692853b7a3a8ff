// The assessment form's document as the page edits it, and what is sent: the
// server's schema is strict and treats a missing field as "not answered", so
// empty text, blank numbers and empty sections are left out rather than sent
// as "" (a preferred name must not be empty) or NaN.
import type { Assessment } from '../../../../shared/case/assessment.js';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** `value` without empty strings, blank or non-finite numbers, nulls, and objects left empty; lists keep their entries. */
function clean(value: Json): Json {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value; // "no" is an answer: keep false
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => clean(v) ?? {});
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = clean(v);
    if (kept !== undefined && !(isObject(kept) && Object.keys(kept).length === 0)) out[key] = kept;
  }
  return out;
}

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The document to `PUT`, from the form's state (which may hold "" and NaN from cleared inputs). */
export function cleanAssessment(form: Assessment): Assessment {
  return clean(JSON.parse(JSON.stringify(form, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)))) as Assessment;
}

/** A yes/no question's radio value, with "not answered" for a missing one. */
export function yesNo(value: boolean | undefined): 'yes' | 'no' | '' {
  return value === true ? 'yes' : value === false ? 'no' : '';
}

/** Back from the radio: "not answered" leaves the field out. */
export function fromYesNo(value: string): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** The family section's entry for each planned participant, keeping what was noted, in the team's order. */
export function familyEntries(
  assessment: Assessment,
  participantIds: readonly string[],
): NonNullable<NonNullable<Assessment['family']>['participants']> {
  const noted = new Map((assessment.family?.participants ?? []).map((p) => [p.participantId, p]));
  return participantIds.map((participantId) => noted.get(participantId) ?? { participantId });
}
