// The token of a join link rides in the URL fragment (#token=…), which the
// browser never sends to a server. We read it once, keep it for this tab so a
// reload still works, and take it out of the address bar.

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length <= 200 ? token : null;
}

/** The parts of `window` a link page reads its token from; a test passes its own. */
export interface LinkWindow {
  location: { hash: string; pathname: string; reload(): void };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

const keyOf = (page: string) => `threshold:${page}:token`;

/** The link's token: from the address (kept for the tab, and taken out of the address bar), else the one this tab kept. */
export function takeLinkToken(page: string, win: LinkWindow = window): string | null {
  const fromUrl = tokenFromHash(win.location.hash);
  if (fromUrl) {
    win.sessionStorage.setItem(keyOf(page), fromUrl);
    win.history.replaceState(null, '', win.location.pathname);
    return fromUrl;
  }
  return win.sessionStorage.getItem(keyOf(page));
}

/**
 * Follows a new link opened in the same tab: a link with another token changes
 * only the fragment, so the browser does not load the page again and the old
 * meeting's screen stayed ("The meeting has ended") until a manual reload
 * (issue 13, item 9). A new token is kept for the tab and the page reloads
 * at once onto it; the same token again only leaves the address bar.
 */
export function followNewLinks(page: string, current: string | null, win: LinkWindow = window): void {
  win.addEventListener('hashchange', () => {
    const fromUrl = tokenFromHash(win.location.hash);
    if (!fromUrl) return;
    takeLinkToken(page, win);
    if (fromUrl !== current) win.location.reload();
  });
}
