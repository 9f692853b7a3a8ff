// Someone who joins through the shared remote link becomes a person of their
// own: the server sends them a personal token, kept on this device so that a
// reload or a dropped connection brings back the same person, not a stranger.
export interface GuestCredential {
  token: string;
  participantId: string;
}

const key = (sharedToken: string) => `threshold:guest:${sharedToken.slice(0, 16)}`;

export function loadGuest(sharedToken: string): GuestCredential | null {
  try {
    const raw = localStorage.getItem(key(sharedToken));
    const parsed = raw ? (JSON.parse(raw) as GuestCredential) : null;
    return parsed && typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveGuest(sharedToken: string, credential: GuestCredential): void {
  localStorage.setItem(key(sharedToken), JSON.stringify(credential));
}

export function forgetGuest(sharedToken: string): void {
  localStorage.removeItem(key(sharedToken));
}
