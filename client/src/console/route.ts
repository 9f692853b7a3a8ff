// Hash routes for the console: #/ (cases), #/cases/:id[/assessment|/screenings|/team|/letters|/logistics|/after-yes|/meetings],
// #/meetings/:id[/links|/record|/report].
export type MeetingTab = 'live' | 'links' | 'record' | 'report';
/** The case page's tabs (issue 9, section 7; issue 10's letters); the overview has no suffix. */
export const CASE_TABS = ['overview', 'assessment', 'screenings', 'team', 'letters', 'logistics', 'after-yes', 'meetings'] as const;
export type CaseTab = (typeof CASE_TABS)[number];
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string; tab?: Exclude<CaseTab, 'overview'> }
  | { name: 'meeting'; id: string; tab: MeetingTab };

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
  return { name: 'cases' };
}

/** The address of a case's tab. */
export function caseHref(id: string, tab: CaseTab): string {
  return `#/cases/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`;
}
