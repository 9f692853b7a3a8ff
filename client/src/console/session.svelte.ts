// The facilitator's session as the console sees it. The server signs an idle
// facilitator out (IDLE_MINUTES); input at the console counts as activity and
// is reported at most once a minute: over the meeting's socket when it is
// connected, otherwise by any authenticated request. A minute before the
// sign-out the console asks whether someone is still there; any input then is
// reported at once. The timing lives in idle.ts. A few minutes before the
// session's hard end (SESSION_HOURS), which no input extends, it shows a calm
// notice instead (session-limit.ts). While a live meeting is on screen, the
// idle deadline LOCKS the console instead (issue 13, item 3): the content is
// hidden, Pause and Emergency stop stay, and the password opens it again.
import type { FacilitatorView } from '../../../shared/meeting/view.js';
import type { Ack, CommandType } from '../../../shared/protocol.js';
import type { ConnectionStatus } from '../lib/connection.svelte.js';
import { CHECK_EVERY_MS, IdleWatch } from './idle.js';
import { SessionLimit } from './session-limit.js';

/** The meeting on screen, as the lock screen needs it: its view and its two safety commands. */
export interface LockableMeeting {
  readonly view: FacilitatorView | null;
  readonly status: ConnectionStatus;
  can(type: CommandType): boolean;
  send(type: CommandType, payload?: Record<string, unknown>): Promise<Ack | null>;
}

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

class Session {
  /** Set when the server says the session is over; the console shows the sign-in form. */
  ended = $state(false);
  /** Idle on a live meeting: the content is hidden behind the lock screen until the password is given. */
  locked = $state(false);
  /** The meeting on screen, if any; set with its reporter. */
  meeting = $state.raw<LockableMeeting | null>(null);
  /** The idle sign-out is near: the console shows "Still there?". */
  warning = $state(false);
  readonly idle = new IdleWatch(Date.now());
  /** The session's hard end is near: the console shows a notice that signing in again will be needed. */
  limitNotice = $state(false);
  readonly limit = new SessionLimit();
  /** The facilitator has read the notice; it stays away until the next session. */
  private limitSeen = false;
  /** Reports over the meeting's connection; false when it is not connected. */
  private reporter: (() => boolean) | null = null;
  private httpReport: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  end() {
    this.ended = true;
  }

  /** IDLE_MINUTES, from the server's public configuration. */
  configure(idleMinutes: number) {
    this.idle.idleMs = idleMinutes * 60_000;
    this.check();
  }

  /** When the session ends for good, from `GET /api/me` (server clock), as received now. */
  learnLimit(sessionEndsAt: number, serverNow: number) {
    this.limit.learn(sessionEndsAt, serverNow, Date.now());
    this.limitSeen = false;
    this.check();
  }

  /** "OK" on the notice. */
  dismissLimit() {
    this.limitSeen = true;
    this.limitNotice = false;
  }

  /** Whether a sign-out now is the session's hard end rather than idleness: the sign-in form says which. */
  limitReached(): boolean {
    return this.limit.reached(Date.now());
  }

  /** While a meeting is open, activity goes over its connection; the meeting is what the lock screen keeps in reach. */
  useReporter(report: (() => boolean) | null, meeting: LockableMeeting | null = null) {
    this.reporter = report;
    this.meeting = report ? meeting : null;
  }

  /** Whether the idle deadline locks rather than signs out: a meeting on screen that is not closed. */
  get lockInstead(): boolean {
    const phase = this.meeting?.view?.phase;
    return phase !== undefined && phase !== 'closed';
  }

  /** The password was accepted (POST /api/unlock): the server pushed the idle deadline back. */
  unlock() {
    this.locked = false;
    this.idle.reported(Date.now());
    this.check();
  }

  /** A command sent at `sentAt` reached the server, which counted it as activity. */
  commandSent(sentAt: number) {
    this.idle.reported(sentAt);
    this.check();
  }

  /**
   * An HTTP call sent at `sentAt` counted as activity on the server (a page's own loads too), so the
   * idle deadline here moves with the server's. A locked console stays locked: only the password opens it.
   */
  answered(sentAt: number) {
    if (!this.httpReport || this.locked) return;
    this.idle.reported(sentAt);
    this.check();
  }

  /** "Stay signed in". */
  stay() {
    this.report();
  }

  /** Listen for input on this window while signed in; returns the function that stops listening. */
  watch(httpReport: () => void): () => void {
    this.httpReport = httpReport;
    // Signing in, or the check that found us signed in, was itself activity.
    this.idle.reported(Date.now());
    const onInput = (event: Event) => {
      // Input on the warning itself is left to its button: a tap that hid it at once would land on whatever lies beneath.
      if (event.target instanceof Element && event.target.closest('[data-idle-warning]')) return;
      // Input on the lock screen does not open it: only the password does.
      if (this.locked) return;
      if (this.idle.shouldReport(Date.now())) this.report();
    };
    for (const e of INPUT_EVENTS) addEventListener(e, onInput, { passive: true });
    this.check();
    return () => {
      for (const e of INPUT_EVENTS) removeEventListener(e, onInput);
      this.httpReport = null;
      clearTimeout(this.timer);
      this.warning = false;
      this.limitNotice = false;
      this.locked = false;
    };
  }

  private report() {
    if (!this.httpReport) return;
    this.idle.reported(Date.now());
    if (!this.reporter?.()) this.httpReport();
    this.check();
  }

  /**
   * Show or hide the warning and the notice, and look again later: a timer is
   * re-armed rather than trusted across a laptop's sleep. "Still there?" is
   * left out when the hard end comes first, since staying would not help.
   */
  private check = () => {
    clearTimeout(this.timer);
    if (!this.httpReport) return;
    const now = Date.now();
    if (this.locked) return;
    if (now >= this.idle.endsAt && this.lockInstead && !this.limit.comesFirst(this.idle.endsAt)) {
      this.locked = true;
      this.warning = false;
      return;
    }
    const warning = this.idle.warning(now) && !this.limit.comesFirst(this.idle.endsAt);
    this.warning = warning;
    this.limitNotice = this.limit.notice(now) && !this.limitSeen;
    // While the warning shows, look again by the deadline: a live meeting then locks.
    const idleNext = warning ? Math.min(Math.max(this.idle.endsAt - now, 0), CHECK_EVERY_MS) : this.idle.nextCheckIn(now);
    const limitNext = this.limit.notice(now) ? Infinity : this.limit.nextCheckIn(now);
    const next = Math.min(idleNext, limitNext);
    if (next !== Infinity) this.timer = setTimeout(this.check, next);
  };
}

export const session = new Session();
