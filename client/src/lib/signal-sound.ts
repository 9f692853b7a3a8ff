// The optional soft sound for a new signal (issue 13, item 1): off unless the
// facilitator turns it on, and remembered on this computer.
const KEY = 'threshold.signalSound';

/** Whether the facilitator turned the sound on (false when storage is unavailable). */
export function soundWanted(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): boolean {
  try {
    return storage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the choice; a storage that refuses (private mode) just forgets it. */
export function rememberSound(on: boolean, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Nothing to do: the choice lasts for this page only.
  }
}

/** The ids in `now` that were not in `before`: the signals that just arrived. */
export function arrived(before: ReadonlySet<string>, now: readonly { signalId: string }[]): string[] {
  return now.filter((s) => !before.has(s.signalId)).map((s) => s.signalId);
}

/** A short, low, soft two-note chime (about 0.6 s); silent where Web Audio is missing or blocked. */
export function chime(): void {
  const Ctx = globalThis.AudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    for (const [i, freq] of [440, 554].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const start = ctx.currentTime + i * 0.25;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(0.08, start + 0.05);
      gain.gain.linearRampToValueAtTime(0, start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.4);
    }
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // A browser that blocks audio before a click: the alert on screen is what counts.
  }
}
