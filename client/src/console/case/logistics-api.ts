// The treatment logistics' HTTP calls (issue 11, section 1) and the small
// conversions the form needs. Shapes are types from shared/case/logistics.ts:
// no zod reaches the console's bundle. The bodies are health data: nothing
// here is logged or kept beyond the page.
import type { CaseLogistics, Facility, PlaceCheck, PlacePlan, Transport } from '../../../../shared/case/logistics.js';
import { request } from '../api.js';

export type { CaseLogistics, Facility, PlacePlan, Transport };

export interface FacilityRecord extends Facility {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** `GET/PUT …/logistics`: `place.planned` is false until the logistics are first saved (the offer is not held then). */
export interface LogisticsAnswer {
  logistics: CaseLogistics;
  updatedAt: number | null;
  place: PlaceCheck & { planned: boolean };
  /** The case owner's facilities: a case's places are chosen from them, whoever on its staff plans them (issue 16). */
  facilities: FacilityRecord[];
}

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/logistics`;

export const logisticsApi = {
  facilities: async () => (await request<{ facilities: FacilityRecord[] }>('GET', '/api/facilities')).facilities,
  addFacility: (body: Facility) => request<FacilityRecord>('POST', '/api/facilities', body),
  updateFacility: (id: string, patch: Partial<Facility>) => request<FacilityRecord>('PATCH', `/api/facilities/${encodeURIComponent(id)}`, patch),
  get: (caseId: string) => request<LogisticsAnswer>('GET', base(caseId)),
  /** Replaces the whole document. */
  save: (caseId: string, logistics: CaseLogistics) => request<LogisticsAnswer>('PUT', base(caseId), logistics),
};

/** A new, empty place (the server fills the same defaults). */
export function emptyPlace(): PlacePlan {
  return { facilityId: null, levelOfCare: null, bed: { status: 'none', heldUntil: null }, insurance: { status: 'unknown', notes: '' }, admission: { at: null }, intakeRequirements: [] };
}

export function emptyTransport(): Transport {
  return { mode: null, driverParticipantId: null, departAt: null, notes: '' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms as a `datetime-local` input shows it, in this browser's time zone ('' for none). */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as epoch ms in this browser's time zone; null when empty or unreadable. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
