// The server's clock as seen from this device. Tablets and laptops in a
// living room disagree about the time by seconds or minutes; every view
// carries `serverTime`, so deadlines are compared with the server's clock.

/** How far the server's clock is ahead of ours (negative: behind). */
export function clockOffset(serverTime: number, receivedAt: number): number {
  return serverTime - receivedAt;
}

/** The server's time now, given an offset measured earlier. */
export function serverNow(offsetMs: number, localNow: number = Date.now()): number {
  return localNow + offsetMs;
}
