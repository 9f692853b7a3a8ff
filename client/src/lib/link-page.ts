// The start-up every page opened from a link shares (the tablet, the room
// display, remote family): fetch the crisis numbers early, take the link's
// token out of the address bar, and show the page, or a plea for the link
// when the page was opened without one.
import { mount, type Component } from 'svelte';
import type { MeetingView } from '../../../shared/meeting/view.js';
import { MeetingConnection } from './connection.svelte.js';
import { crisis } from './crisis.svelte.js';
import { language } from './i18n.svelte.js';
import { followNewLinks, takeLinkToken } from './links.js';
import NoLink from './NoLink.svelte';

/** The pages a link opens; each keeps its token for the tab under its own name. */
export type LinkPage = 'tablet' | 'display' | 'remote';

/**
 * Show `page`: `open` mounts it into #app with the link's token; without a token, NoLink is shown
 * instead. `title`: the page's title message (each page passes its own, so it carries only its own).
 */
export function startLinkPage(page: LinkPage, title: () => string, open: (token: string, target: HTMLElement) => void): void {
  void crisis.load();
  const token = takeLinkToken(page);
  followNewLinks(page, token);
  const target = document.getElementById('app')!;
  // A language chosen on this device for this link comes back before the first word is shown (issue 15).
  if (token) language.rememberFor(page, token, title);
  if (token) open(token, target);
  else mount(NoLink, { target });
}

/** A screen that only watches and sends over one connection, authenticated by the link's token. */
export function startMeetingScreen<V extends MeetingView>(page: LinkPage, title: () => string, Screen: Component<{ conn: MeetingConnection<V> }>): void {
  startLinkPage(page, title, (token, target) => {
    const conn = new MeetingConnection<V>({ auth: () => ({ token }) });
    mount(Screen, { target, props: { conn } });
  });
}
