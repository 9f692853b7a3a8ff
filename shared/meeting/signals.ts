// The discreet signals a participant sends the facilitator ("I need a moment").
// They stay few however often someone taps: one open signal of each kind per
// person, which a repeat only refreshes; the person may take theirs back, and
// the facilitator clears them once seen to.
import type { SignalKind } from '../vocabulary.js';
import type { Signal } from './context.js';

/**
 * The signals after `signal` is sent: a new entry, or, when its sender already has an open signal
 * of that kind, that one with the new time (`at`, epoch ms). It keeps its `signalId`, so a console
 * clearing it by id still finds it.
 */
export function raiseSignal(signals: Signal[], signal: Signal): Signal[] {
  const open = signals.some((s) => isOf(s, signal.participantId, signal.kind));
  if (!open) return [...signals, signal];
  return signals.map((s) => (isOf(s, signal.participantId, signal.kind) ? { ...s, at: signal.at } : s));
}

/** Whether `participantId` has an open signal of `kind`. */
export function hasOpenSignal(signals: Signal[], participantId: string, kind: SignalKind): boolean {
  return signals.some((s) => isOf(s, participantId, kind));
}

/** The signals without `participantId`'s open signal of `kind`, if any. */
export function withdrawSignal(signals: Signal[], participantId: string, kind: SignalKind): Signal[] {
  return signals.filter((s) => !isOf(s, participantId, kind));
}

function isOf(signal: Signal, participantId: string, kind: SignalKind): boolean {
  return signal.participantId === participantId && signal.kind === kind;
}
