// Hash routes for the console: #/ (cases), #/cases/:id, #/meetings/:id[/links].
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'meeting'; id: string; tab: 'live' | 'links' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'cases' && parts[1]) return { name: 'case', id: parts[1] };
  if (parts[0] === 'meetings' && parts[1]) return { name: 'meeting', id: parts[1], tab: parts[2] === 'links' ? 'links' : 'live' };
  return { name: 'cases' };
}
