// The Logistics tab's words (issue 11), each table typed by the shared names so
// that a new status cannot ship without its label.
import type { BedStatus, InsuranceStatus, TransportMode } from '../../../../shared/case/vocabulary.js';

export const BED_LABELS: Record<BedStatus, string> = {
  none: 'No bed yet',
  held: 'Bed held',
  confirmed: 'Bed confirmed',
};

export const INSURANCE_LABELS: Record<InsuranceStatus, string> = {
  unknown: 'Not checked yet',
  pending: 'Being checked',
  verified: 'Verified',
  'self-pay': 'Self-pay agreed',
  denied: 'Denied',
};

export const TRANSPORT_LABELS: Record<TransportMode, string> = {
  car: 'By car',
  flight: 'By plane',
  'facility-transport': 'The facility collects them',
  other: 'Another way',
};

export const PLACE_TITLES = { primary: 'The primary place', backup: 'The backup place' } as const;
