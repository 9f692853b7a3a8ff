// The Logistics tab's words (issue 11), each table typed by the shared names so
// that a new status cannot ship without its label.
import type { BedStatus, InsuranceStatus, TransportMode } from '../../../../shared/case/vocabulary.js';
import { m } from '../../paraglide/messages.js';

export const BED_LABELS: Record<BedStatus, string> = {
  get none() { return m.case_bed_none(); },
  get held() { return m.case_bed_held(); },
  get confirmed() { return m.case_bed_confirmed(); },
};

export const INSURANCE_LABELS: Record<InsuranceStatus, string> = {
  get unknown() { return m.case_insurance_unknown(); },
  get pending() { return m.case_insurance_pending(); },
  get verified() { return m.case_insurance_verified(); },
  get 'self-pay'() { return m.case_insurance_self_pay(); },
  get denied() { return m.case_insurance_denied(); },
};

export const TRANSPORT_LABELS: Record<TransportMode, string> = {
  get car() { return m.case_transport_car(); },
  get flight() { return m.case_transport_flight(); },
  get 'facility-transport'() { return m.case_transport_facility_transport(); },
  get other() { return m.case_transport_other(); },
};

export const PLACE_TITLES = {
  get primary() { return m.case_place_primary(); },
  get backup() { return m.case_place_backup(); },
} as const;
