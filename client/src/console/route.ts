// Hash routes for the console: #/ (cases), #/cases/:id[/assessment|/screenings|/team|/staff|/letters|/logistics|/after-yes|/meetings|/after-care],
// #/meetings/:id[/links|/record|/report], #/people (the admin's) and #/password (issue 16).
export type MeetingTab = 'live' | 'links' | 'record' | 'report';
/** The case page's tabs (issue 9, section 7; issue 10's letters; issue 11's logistics, after a yes and after-care; issue 16's staff); the overview has no suffix. */
export const CASE_TABS = ['overview', 'assessment', 'screenings', 'team', 'staff', 'letters', 'logistics', 'after-yes', 'meetings', 'after-care'] as const;
export type CaseTab = (typeof CASE_TABS)[number];
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string; tab?: Exclude<CaseTab, 'overview'> }
  | { name: 'meeting'; id: string; tab: MeetingTab }
  | { name: 'people' }
  | { name: 'password' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'cases' && parts[1]) {
    const tab = CASE_TABS.find((t) => t !== 'overview' && t === parts[2]) as Exclude<CaseTab, 'overview'> | undefined;
    return tab ? { name: 'case', id: parts[1], tab } : { name: 'case', id: parts[1] };
  }
  if (parts[0] === 'meetings' && parts[1]) {
    const tab = parts[2] === 'links' || parts[2] === 'record' || parts[2] === 'report' ? parts[2] : 'live';
    return { name: 'meeting', id: parts[1], tab };
  }
  if (parts[0] === 'people' && parts.length === 1) return { name: 'people' };
  if (parts[0] === 'password' && parts.length === 1) return { name: 'password' };
  return { name: 'cases' };
}

/** The address of a case's tab. */
export function caseHref(id: string, tab: CaseTab): string {
  return `#/cases/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`;
}
