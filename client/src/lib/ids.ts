// Command ids. crypto.randomUUID exists only in secure contexts, and a tablet
// on the living-room network reaches the laptop over plain http.
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
