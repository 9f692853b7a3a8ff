// A form that creates something must create it once, however often it is
// submitted: a double click on "Add person" added the person twice (issue 13,
// item 10). The guard lives here, once, for every such form.

/** An action that runs at most once at a time; `busy` says whether it is running now. */
export interface OneAtATime<A extends unknown[], R> {
  (...args: A): Promise<R | undefined>;
  readonly busy: boolean;
}

/**
 * Wraps `action` so that a call made while an earlier one is still running is
 * ignored and resolves to `undefined` at once. The next call after it settles
 * (resolved or thrown) runs again. Errors pass through to the caller that ran it.
 * `onBusy` hears each change, so a page can disable its button.
 */
export function oneAtATime<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  onBusy: (busy: boolean) => void = () => {},
): OneAtATime<A, R> {
  let running = false;
  const guarded = async (...args: A): Promise<R | undefined> => {
    if (running) return undefined;
    running = true;
    onBusy(true);
    try {
      return await action(...args);
    } finally {
      running = false;
      onBusy(false);
    }
  };
  return Object.defineProperty(guarded, 'busy', { get: () => running }) as OneAtATime<A, R>;
}
