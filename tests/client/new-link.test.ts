// issue 13, item 9: a new link opened in the same tab was ignored; the screen
// kept the old meeting's "The meeting has ended" until a manual reload.
import { expect, test } from 'vitest';
import { followNewLinks, takeLinkToken, type LinkWindow } from '../../client/src/lib/links.js';

function fakeWindow(hash: string) {
  const stored = new Map<string, string>();
  const listeners: Array<() => void> = [];
  let reloads = 0;
  const win: LinkWindow = {
    location: { hash, pathname: '/tablet', reload: () => void reloads++ },
    history: { replaceState: (_d, _u, url) => void (win.location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '') },
    sessionStorage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    addEventListener: (_type, listener) => void listeners.push(listener),
  };
  const open = (newHash: string) => {
    win.location.hash = newHash;
    for (const l of listeners) l();
  };
  return { win, open, reloads: () => reloads };
}

test('issue 13, item 9: a new token in the address is kept and followed at once', () => {
  const { win, open, reloads } = fakeWindow('#token=old-meeting');
  const token = takeLinkToken('tablet', win);
  expect(token).toBe('old-meeting');
  followNewLinks('tablet', token, win);
  open('#token=new-meeting');
  expect(reloads()).toBe(1);
  // The reloaded page finds the new token, and the address bar no longer shows it.
  expect(win.location.hash).toBe('');
  expect(takeLinkToken('tablet', win)).toBe('new-meeting');
});

test('issue 13, item 9: the same link again, or a fragment without a token, changes nothing', () => {
  const { win, open, reloads } = fakeWindow('#token=same');
  followNewLinks('tablet', takeLinkToken('tablet', win), win);
  open('#token=same');
  open('#something-else');
  expect(reloads()).toBe(0);
  expect(takeLinkToken('tablet', win)).toBe('same');
});
