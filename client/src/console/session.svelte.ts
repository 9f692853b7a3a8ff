// The facilitator's session as the console sees it. The server signs an idle
// facilitator out (IDLE_MINUTES); input at the console counts as activity and
// is reported at most once a minute: over the meeting's socket when one is
// open, otherwise by any authenticated request.
const REPORT_EVERY_MS = 60_000;

class Session {
  /** Set when the server says the session is over; the console shows the sign-in form. */
  ended = $state(false);
  private reporter: (() => void) | null = null;
  private last = 0;

  end() {
    this.ended = true;
  }

  /** While a meeting is open, activity goes over its connection. */
  useReporter(report: (() => void) | null) {
    this.reporter = report;
  }

  /** Listen for input on this window; returns the function that stops listening. */
  watch(httpReport: () => void): () => void {
    const onInput = () => {
      const now = Date.now();
      if (now - this.last < REPORT_EVERY_MS) return;
      this.last = now;
      (this.reporter ?? httpReport)();
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
    for (const e of events) addEventListener(e, onInput, { passive: true });
    return () => {
      for (const e of events) removeEventListener(e, onInput);
    };
  }
}

export const session = new Session();
