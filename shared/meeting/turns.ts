// Pure helpers for speaking turns, shared by the letters round and the
// bottom-lines round ("the same controls"). Each returns the context fields it changes.
import type { MeetingContext, SpeakerStatus, Turn } from './context.js';
import { nextWaiting } from './context.js';

type TurnFields = Pick<MeetingContext, 'speakingOrder' | 'currentSpeakerId' | 'turnEndsAt'>;

function withStatus(order: Turn[], participantId: string | null, status: SpeakerStatus): Turn[] {
  if (!participantId) return order;
  return order.map((t) => (t.participantId === participantId ? { ...t, status } : t));
}

/** Make a speaker current, with a fresh deadline counted from `at`. */
export function callSpeaker(context: MeetingContext, participantId: string, at: number): TurnFields {
  // Someone interrupted by a call has not finished: they wait for their turn again.
  let order = withStatus(context.speakingOrder, context.currentSpeakerId, 'waiting');
  order = withStatus(order, participantId, 'speaking');
  return { speakingOrder: order, currentSpeakerId: participantId, turnEndsAt: at + context.turnSeconds * 1000 };
}

/** Close the current turn with `status`, then call the next waiting speaker, if any. */
export function finishTurn(context: MeetingContext, status: 'done' | 'skipped', at: number): TurnFields {
  const order = withStatus(context.speakingOrder, context.currentSpeakerId, status);
  const closed = { ...context, speakingOrder: order, currentSpeakerId: null };
  const next = nextWaiting(closed);
  if (!next) return { speakingOrder: order, currentSpeakerId: null, turnEndsAt: null };
  return callSpeaker(closed, next, at);
}

/** Start a round: call the first waiting speaker, or nobody if the order is empty. */
export function beginRound(context: MeetingContext, at: number): TurnFields {
  const first = nextWaiting(context);
  if (!first) return { speakingOrder: context.speakingOrder, currentSpeakerId: null, turnEndsAt: null };
  return callSpeaker(context, first, at);
}

/** Stop whoever is speaking when the agenda moves on (to the offer, say): they are done. */
export function endTurns(context: MeetingContext): TurnFields {
  return {
    speakingOrder: withStatus(context.speakingOrder, context.currentSpeakerId, 'done'),
    currentSpeakerId: null,
    turnEndsAt: null,
  };
}

/** Take the floor from the current speaker without calling anyone: interrupted, not finished, they wait. */
export function stopTurn(context: MeetingContext): TurnFields {
  const order = withStatus(context.speakingOrder, context.currentSpeakerId, 'waiting');
  return { speakingOrder: order, currentSpeakerId: null, turnEndsAt: null };
}

/** The order without one person; if they had the floor, their turn ends and nobody is called. */
export function withoutSpeaker(context: MeetingContext, participantId: string): TurnFields {
  const ids = context.speakingOrder.map((t) => t.participantId).filter((id) => id !== participantId);
  return reorder(context, ids);
}

/** A new order keeps each remaining speaker's status; newcomers wait. */
export function reorder(context: MeetingContext, participantIds: string[]): TurnFields {
  const previous = new Map(context.speakingOrder.map((t) => [t.participantId, t.status]));
  const order = participantIds.map((participantId) => ({
    participantId,
    status: previous.get(participantId) ?? ('waiting' as const),
  }));
  const currentStays = context.currentSpeakerId !== null && participantIds.includes(context.currentSpeakerId);
  return currentStays
    ? { speakingOrder: order, currentSpeakerId: context.currentSpeakerId, turnEndsAt: context.turnEndsAt }
    : { speakingOrder: order, currentSpeakerId: null, turnEndsAt: null };
}
