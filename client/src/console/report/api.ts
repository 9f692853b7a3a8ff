// The meeting report's one call (issue 11, section 6). The body is health data:
// the page shows it and keeps nothing.
import type { MeetingReport } from '../../../../shared/meeting/report.js';
import { request } from '../api.js';

export type { MeetingReport };

/** `GET /api/meetings/:id/report`; letters and bottom lines only when `includeLetters`. */
export function getReport(meetingId: string, includeLetters: boolean): Promise<MeetingReport> {
  const query = includeLetters ? '?includeLetters=true' : '';
  return request<MeetingReport>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/report${query}`);
}
