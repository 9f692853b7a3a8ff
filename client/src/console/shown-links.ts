// Which join links the console lists: every working link, and for whoever has
// none left (their link was revoked, say for a lost tablet) their latest
// revoked one, so that a new link can be made. A guest turned away stays away.
import type { LinkKind } from '../../../shared/vocabulary.js';
import { plural } from '../lib/plural.js';
import { m } from '../paraglide/messages.js';

export interface ListedLink {
  id: string;
  kind: LinkKind;
  participantId: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export function shownLinks<L extends ListedLink>(links: readonly L[]): L[] {
  const key = (l: L) => `${l.kind}:${l.participantId ?? ''}`;
  const working = new Set(links.filter((l) => l.revokedAt === null).map(key));
  const latestRevoked = new Map<string, L>();
  for (const l of links) {
    if (l.revokedAt === null || l.kind === 'guest' || working.has(key(l))) continue;
    const seen = latestRevoked.get(key(l));
    if (!seen || seen.createdAt < l.createdAt) latestRevoked.set(key(l), l);
  }
  return [...links.filter((l) => l.revokedAt === null), ...latestRevoked.values()];
}

/** "1 device", "2 devices": how many screens hold a link, as the console says it (issue 13, item 8). */
export function devicesWords(devices: number): string {
  return plural(devices, m.console_devices_one, m.console_devices_other);
}
