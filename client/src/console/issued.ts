// Join-link URLs the console has been given, by the answer that created them
// or by "Show QR code again" (issue 13, item 7). It keeps them in memory for
// this page's life, never on disk; after a reload it asks the server again.
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
