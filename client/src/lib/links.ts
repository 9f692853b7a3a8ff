// The token of a join link rides in the URL fragment (#token=…), which the
// browser never sends to a server. We read it once, keep it for this tab so a
// reload still works, and take it out of the address bar.

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length <= 200 ? token : null;
}

export function takeLinkToken(page: string): string | null {
  const key = `threshold:${page}:token`;
  const fromUrl = tokenFromHash(location.hash);
  if (fromUrl) {
    sessionStorage.setItem(key, fromUrl);
    history.replaceState(null, '', location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem(key);
}
