// Saving as you go: each change waits a short pause in typing, then one save
// runs at a time with the latest value; a change made during a save is saved
// right after it. The status is what the form shows ("Saving…", "All changes
// saved", or the server's words with a way to try again). Timers are injected
// so the rules are unit-tested without a browser.

import { m } from '../paraglide/messages.js';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface SaveStatus {
  state: SaveState;
  /**
   * The words when the last save failed, as the save's Error carried them (the server's, in the page's
   * language: see client/src/lib/server-refusals.ts); null for none, and the form says "please try again".
   */
  message: string | null;
}

export interface AutosaveOptions {
  /** The pause after the last change before saving, in ms (default 800). */
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Called on every change of status. */
  onstatus?: (status: SaveStatus) => void;
  /**
   * Whether a failed save is worth trying again by itself (the connection dropped, the server was
   * away), as opposed to a refusal that only a change can mend. Default: never.
   */
  retryable?: (error: unknown) => boolean;
  /** The waits before each retry of a retryable failure, in ms; the last repeats (default 2 s, 5 s, 15 s, 30 s). */
  retryDelaysMs?: readonly number[];
}

/**
 * Saves `T` with `save` after each pause in changes. `save` rejects with an Error whose message is
 * shown as is (the console's ApiError carries the server's words, the preparation page's PrepareError
 * the same in the page's language); the value stays unsaved until a later change or `flush()` succeeds.
 */
export class Autosave<T> {
  #pending: { value: T } | null = null;
  #timer: unknown = null;
  #running: Promise<void> | null = null;
  #status: SaveStatus = { state: 'saved', message: null };
  readonly #delay: number;
  readonly #set: (fn: () => void, ms: number) => unknown;
  readonly #clear: (handle: unknown) => void;
  readonly #onstatus: (status: SaveStatus) => void;
  readonly #retryable: (error: unknown) => boolean;
  readonly #retryDelays: readonly number[];
  /** Retryable failures in a row, for the backoff. */
  #failures = 0;
  #lastError: unknown = null;

  constructor(
    private readonly save: (value: T) => Promise<unknown>,
    options: AutosaveOptions = {},
  ) {
    this.#delay = options.delayMs ?? 800;
    this.#set = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clear = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.#onstatus = options.onstatus ?? (() => undefined);
    this.#retryable = options.retryable ?? (() => false);
    this.#retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : [2_000, 5_000, 15_000, 30_000];
  }

  get status(): SaveStatus {
    return this.#status;
  }

  /** A new value to save after the pause; replaces any value still waiting. */
  change(value: T): void {
    this.#pending = { value };
    this.#report('unsaved', null);
    if (this.#timer !== null) this.#clear(this.#timer);
    this.#timer = this.#set(() => {
      this.#timer = null;
      void this.flush();
    }, this.#delay);
  }

  /** Whether a value is waiting, being saved or failed: words that would be lost if the page closed now. */
  get unsaved(): boolean {
    return this.#status.state !== 'saved';
  }

  /**
   * Try a failed save again now (the connection is back: the page's `online` event, or "Try again").
   * Does nothing unless the last save failed.
   */
  retry(): Promise<void> {
    return this.#status.state === 'failed' ? this.flush() : Promise.resolve();
  }

  /** Save the waiting value now (leaving a field, "Save now", closing the tab); resolves when all is saved or failed. */
  async flush(): Promise<void> {
    if (this.#timer !== null) {
      this.#clear(this.#timer);
      this.#timer = null;
    }
    while (this.#running) await this.#running;
    const next = this.#pending;
    if (!next) return;
    this.#pending = null;
    this.#report('saving', null);
    this.#running = this.save(next.value).then(
      () => {
        this.#failures = 0;
        this.#report(this.#pending ? 'unsaved' : 'saved', null);
      },
      (error: unknown) => {
        this.#lastError = error;
        // Keep the value so "Try again" saves it, unless a newer one is already waiting.
        this.#pending ??= next;
        // Without words of its own (not an Error), the form's catalog says it, in the page's language (issue 15).
        this.#report('failed', error instanceof Error && error.message ? error.message : null);
      },
    );
    await this.#running;
    this.#running = null;
    if (this.#status.state === 'failed') this.#backoff();
    else if (this.#pending && this.#timer === null) await this.flush();
  }

  /** After a retryable failure, try again by itself after a growing wait (a success resets it). */
  #backoff() {
    if (this.#timer !== null || !this.#retryable(this.#lastError)) return;
    const wait = this.#retryDelays[Math.min(this.#failures, this.#retryDelays.length - 1)]!;
    this.#failures++;
    this.#timer = this.#set(() => {
      this.#timer = null;
      void this.flush();
    }, wait);
  }

  #report(state: SaveState, message: string | null) {
    this.#status = { state, message };
    this.#onstatus(this.#status);
  }
}

/** The words beside a form for each state, in the page's language; a failure shows the server's own message instead. */
export function saveWords(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return m.save_saved();
    case 'unsaved':
      return m.save_unsaved();
    case 'saving':
      return m.save_saving();
    case 'failed':
      return m.save_failed({ reason: status.message ?? m.save_failed_reason() });
  }
}
