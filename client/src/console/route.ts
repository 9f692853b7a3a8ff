// Hash routes for the console: #/ (cases), #/cases/:id, #/meetings/:id[/links|/record].
export type MeetingTab = 'live' | 'links' | 'record';
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'meeting'; id: string; tab: MeetingTab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'cases' && parts[1]) return { name: 'case', id: parts[1] };
  if (parts[0] === 'meetings' && parts[1]) {
    const tab = parts[2] === 'links' || parts[2] === 'record' ? parts[2] : 'live';
    return { name: 'meeting', id: parts[1], tab };
  }
  return { name: 'cases' };
}
