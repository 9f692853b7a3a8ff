// Join-link tokens exist in the clear only in the answer that created them.
// The console keeps them in memory for this page's life, never on disk; after
// a reload it offers a fresh link instead (the old one stops working).
export interface KnownLink {
  url: string;
}

const known = new Map<string, KnownLink>();

export function rememberLink(linkId: string, url: string): void {
  known.set(linkId, { url });
}

export function knownLink(linkId: string): KnownLink | undefined {
  return known.get(linkId);
}

export function forgetLink(linkId: string): void {
  known.delete(linkId);
}
