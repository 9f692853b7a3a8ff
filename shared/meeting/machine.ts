// The intervention agenda as an XState v5 machine: the one source of the rules
// for what may happen when. It is pure: every event arrives stamped by the
// server with `at` and `by`, and the machine never reads a clock, so replaying
// a meeting's event log reproduces its exact state. Deadlines are absolute
// times in the context, never `after` delays (XState does not restore those).
import { assign, setup } from 'xstate';
import type { LobbyEvent, MeetingEvent } from '../protocol.js';
import type { LivePhase, MeetingContext, MeetingInput, Member } from './context.js';
import { bottomLineOrder, findMember, initialContext, isRaised, nextWaiting, noRaisedObjections, plannedObjection } from './context.js';
import { decideByPassed } from './decide-by.js';
import { trackReading } from './reading.js';
import { hasOpenSignal, raiseSignal, withdrawSignal } from './signals.js';
import { beginRound, callSpeaker, endTurns, finishTurn, reorder, stopTurn, withoutSpeaker } from './turns.js';

type E<K extends MeetingEvent['type']> = Extract<MeetingEvent, { type: K }>;

function member(context: MeetingContext, event: { by: { actorId: string } }): Member | undefined {
  return findMember(context, event.by.actorId);
}

function updateMember(context: MeetingContext, participantId: string, patch: Partial<Member>): Member[] {
  return context.members.map((m) => (m.participantId === participantId ? { ...m, ...patch } : m));
}

/** The roster after a lobby decision; a guest joins it when first decided on. */
function decideLobby(context: MeetingContext, event: LobbyEvent, admitted: boolean): Member[] {
  // The time of a refusal tells the handshake which of the person's links it covers (issue 12, case 5).
  const patch = admitted ? { admitted, denied: false } : { admitted, denied: true, deniedAt: event.at };
  if (findMember(context, event.participantId)) {
    return context.members.map((m) => {
      if (m.participantId !== event.participantId) return m;
      // A decision ends any stay back in the lobby, and any earlier refusal; dropping the keys keeps
      // the member as it was stored before.
      const { backInLobby: _, deniedAt: __, ...rest } = m;
      return { ...rest, ...patch };
    });
  }
  const { name, attendance } = event.joiner!;
  return [...context.members, { participantId: event.participantId, name, attendance, ready: false, ...patch }];
}

/** Close the open pause, if any, into the history with its length. */
function closePause(context: MeetingContext, at: number) {
  if (!context.pause) return { pause: null, pauses: context.pauses };
  const durationMs = Math.max(0, at - context.pause.startedAt);
  return { pause: null, pauses: [...context.pauses, { ...context.pause, endedAt: at, durationMs }] };
}

export const meetingMachine = setup({
  types: {
    context: {} as MeetingContext,
    events: {} as MeetingEvent,
    input: {} as MeetingInput,
  },
  guards: {
    hasCurrentSpeaker: ({ context }) => context.currentSpeakerId !== null,
    // Issue 11: the server stamps the place's readiness; an event without the stamp (no logistics,
    // or logged before issue 11) was accepted then and is accepted on replay.
    placeReadyOrOverridden: ({ event }) => {
      const offer = event as E<'offer.present'>;
      return offer.placeReady !== false || offer.override !== undefined;
    },
    canAdvance: ({ context }) => context.currentSpeakerId !== null || nextWaiting(context) !== null,
    hasDeadline: ({ context }) => context.turnEndsAt !== null,
    canCall: ({ context, event }) => {
      const { participantId } = event as E<'turn.call'>;
      // Only someone let in can be given the floor: never a person waiting in the lobby or turned away.
      if (findMember(context, participantId)?.admitted !== true) return false;
      return context.currentSpeakerId !== participantId && context.speakingOrder.some((t) => t.participantId === participantId);
    },
    /**
     * In the offer the order only decides who reads a bottom line first, so it may change only while
     * the bottom lines are still to come (s20 trial, finding 2: after them the console kept ⤒ ↑ ↓ on).
     */
    validOrderForBottomLines: ({ context, event }) =>
      context.usesBottomLines && !context.bottomLinesRead && isValidOrder(context, (event as E<'order.set'>).participantIds),
    validOrder: ({ context, event }) => isValidOrder(context, (event as E<'order.set'>).participantIds),
    /** A round needs someone to call: the order may have emptied as people were turned away. */
    canBeginRound: ({ context }) => nextWaiting(context) !== null,
    /** A deferred decision's date may be today or later, never a day already past (issue 12 follow-up). */
    decideByAhead: ({ event }) => {
      const { decideBy } = event as E<'meeting.end'>;
      return decideBy === undefined || !decideByPassed(decideBy, event.at);
    },
    /** A planned objection not already waiting for its answer. */
    canRaiseObjection: ({ context, event }) => {
      const { objectionId } = event as E<'objection.raise'>;
      return plannedObjection(context, objectionId) !== undefined && !isRaised(context, objectionId);
    },
    isRaisedObjection: ({ context, event }) => isRaised(context, (event as E<'objection.resolve'>).objectionId),
    canBeginBottomLines: ({ context }) =>
      context.usesBottomLines &&
      !context.bottomLinesRead &&
      context.responses.at(-1)?.response === 'declined' &&
      // A round with nobody to read would leave every tablet waiting (issue 13, item 11).
      bottomLineOrder(context).length > 0,
    canDecideLobby: ({ context, event }) => {
      const e = event as LobbyEvent;
      const m = findMember(context, e.participantId);
      if (m) return m.attendance !== 'in-room' && !m.admitted;
      return e.joiner !== undefined;
    },
    canReturnToLobby: ({ context, event }) => {
      const m = findMember(context, (event as E<'lobby.return'>).participantId);
      return m !== undefined && m.attendance !== 'in-room' && m.admitted;
    },
    lobbyOpen: ({ context }) => !context.lobbyLocked,
    lobbyLocked: ({ context }) => context.lobbyLocked === true,
    canMarkReady: ({ context, event }) => {
      const m = member(context, event);
      return m !== undefined && m.admitted && !m.ready;
    },
    isAdmittedMember: ({ context, event }) => member(context, event)?.admitted === true,
    canWithdrawSignal: ({ context, event }) =>
      member(context, event)?.admitted === true &&
      hasOpenSignal(context.signals, event.by.actorId, (event as E<'signal.withdraw'>).kind),
    canClearSignals: ({ context, event }) => {
      const { signalId } = event as E<'signals.clear'>;
      return signalId === undefined ? context.signals.length > 0 : context.signals.some((s) => s.signalId === signalId);
    },
  },
  actions: {
    start: assign({ startedAt: ({ event }) => event.at }),
    beginLetters: assign(({ context, event }) => beginRound(context, event.at)),
    next: assign(({ context, event }) => finishTurn(context, 'done', event.at)),
    skip: assign(({ context, event }) => finishTurn(context, 'skipped', event.at)),
    call: assign(({ context, event }) => callSpeaker(context, (event as E<'turn.call'>).participantId, event.at)),
    reorder: assign(({ context, event }) => reorder(context, (event as E<'order.set'>).participantIds)),
    extend: assign({
      turnEndsAt: ({ context, event }) => context.turnEndsAt! + (event as E<'turn.extend'>).seconds * 1000,
    }),
    presentOffer: assign(({ context }) => ({ ...endTurns(context), offersMade: context.offersMade + 1 })),
    recordResponse: assign({
      responses: ({ context, event }) => {
        const { response, note } = event as E<'offer.respond'>;
        return [...context.responses, { response, note: note ?? null, at: event.at, offer: context.offersMade }];
      },
    }),
    raiseObjection: assign({
      raisedObjections: ({ context, event }) => [
        ...(context.raisedObjections ?? []),
        { objectionId: (event as E<'objection.raise'>).objectionId, raisedAt: event.at },
      ],
    }),
    resolveObjection: assign({
      raisedObjections: ({ context, event }) =>
        (context.raisedObjections ?? []).filter((o) => o.objectionId !== (event as E<'objection.resolve'>).objectionId),
    }),
    beginBottomLines: assign(({ context, event }) => {
      // Only people with a bottom line read in this round (issue 13, item 11).
      const fresh = bottomLineOrder(context).map((participantId) => ({ participantId, status: 'waiting' as const }));
      const reset = { ...context, speakingOrder: fresh, currentSpeakerId: null, turnEndsAt: null };
      return {
        lettersRound: context.speakingOrder,
        round: 'bottom-lines' as const,
        bottomLinesRead: true,
        // Objections belong to the offer: the bottom lines are not the time to answer them.
        ...noRaisedObjections(context),
        ...beginRound(reset, event.at),
      };
    }),
    startPause: assign(({ event }, params: { phase: LivePhase }) => ({
      pause: { reason: (event as E<'pause.start'>).reason, startedAt: event.at, phase: params.phase },
    })),
    endPause: assign(({ context, event }) => {
      const paused = context.pause ? event.at - context.pause.startedAt : 0;
      return {
        ...closePause(context, event.at),
        // The pause does not eat into the speaker's time.
        turnEndsAt: context.turnEndsAt === null ? null : context.turnEndsAt + Math.max(0, paused),
      };
    }),
    recordOutcome: assign(({ context, event }) => {
      const e = event as E<'meeting.end'>;
      return {
        ...closePause(context, event.at),
        ...endTurns(context),
        ...noRaisedObjections(context),
        outcome: { kind: e.outcome, note: e.note ?? null, decideBy: e.decideBy ?? null, at: event.at },
      };
    }),
    safetyStop: assign(({ context, event }) => ({
      ...closePause(context, event.at),
      ...endTurns(context),
      ...noRaisedObjections(context),
      outcome: { kind: 'safety-stop' as const, note: (event as E<'emergency.stop'>).note ?? null, decideBy: null, at: event.at },
    })),
    admit: assign({ members: ({ context, event }) => decideLobby(context, event as LobbyEvent, true) }),
    // Turned away: off the roster's admitted list and out of the speaking order, so no round calls them.
    deny: assign(({ context, event }) => ({
      members: decideLobby(context, event as LobbyEvent, false),
      ...withoutSpeaker(context, (event as LobbyEvent).participantId),
    })),
    // Back to the lobby: not admitted any more, so their screen shows the lobby until they are let in
    // again; a turn they had ends, and the agenda passes over them meanwhile.
    returnToLobby: assign(({ context, event }) => {
      const { participantId } = event as E<'lobby.return'>;
      const members = updateMember(context, participantId, { admitted: false, ready: false, backInLobby: true });
      return context.currentSpeakerId === participantId ? { members, ...stopTurn(context) } : { members };
    }),
    lockLobby: assign({ lobbyLocked: true }),
    unlockLobby: assign({ lobbyLocked: false }),
    setCallDetails: assign({
      callDetails: ({ event }) => {
        const e = event as Extract<MeetingEvent, { type: 'meeting.callDetails' }>;
        return { videoLink: e.videoLink, dialIn: e.dialIn, pin: e.dialIn ? e.pin : null, showInLobby: e.showInLobby };
      },
    }),
    markReady: assign({ members: ({ context, event }) => updateMember(context, event.by.actorId, { ready: true }) }),
    addSignal: assign({
      signals: ({ context, event }) =>
        raiseSignal(context.signals, {
          signalId: (event as E<'signal.send'>).commandId,
          participantId: event.by.actorId,
          kind: (event as E<'signal.send'>).kind,
          at: event.at,
        }),
    }),
    withdrawSignal: assign({
      signals: ({ context, event }) => withdrawSignal(context.signals, event.by.actorId, (event as E<'signal.withdraw'>).kind),
    }),
    clearSignals: assign({
      signals: ({ context, event }) => {
        const { signalId } = event as E<'signals.clear'>;
        return signalId === undefined ? [] : context.signals.filter((s) => s.signalId !== signalId);
      },
    }),
    close: assign({ closedAt: ({ event }) => event.at }),
    // After any action that may move the floor: a rehearsal's spells at it (nothing in a real meeting).
    trackReading: assign(({ context, event }) => trackReading(context, event.at)),
  },
}).createMachine({
  id: 'meeting',
  // XState's pure `transition()` builds a throwaway actor without input on every call; an empty
  // context there spares each command a thrown and caught TypeError (about 4 % of the server's
  // CPU at 250 commands/s). Meetings are always created with input.
  context: ({ input }) => (input === undefined ? ({} as MeetingContext) : initialContext(input)),
  initial: 'active',
  states: {
    active: {
      initial: 'live',
      on: {
        'meeting.end': { guard: 'decideByAhead', target: 'outcome', actions: timed('recordOutcome') },
        'emergency.stop': { target: 'outcome', actions: timed('safetyStop') },
        'lobby.admit': { guard: 'canDecideLobby', actions: 'admit' },
        'lobby.deny': { guard: 'canDecideLobby', actions: timed('deny') },
        'lobby.return': { guard: 'canReturnToLobby', actions: timed('returnToLobby') },
        'lobby.lock': { guard: 'lobbyOpen', actions: 'lockLobby' },
        'lobby.unlock': { guard: 'lobbyLocked', actions: 'unlockLobby' },
        'meeting.callDetails': { actions: 'setCallDetails' },
        'signal.send': { guard: 'isAdmittedMember', actions: 'addSignal' },
        'signal.withdraw': { guard: 'canWithdrawSignal', actions: 'withdrawSignal' },
        'signals.clear': { guard: 'canClearSignals', actions: 'clearSignals' },
        // An objection answered may be cleared even while the meeting is paused.
        'objection.resolve': { guard: 'isRaisedObjection', actions: 'resolveObjection' },
      },
      states: {
        live: {
          initial: 'gathering',
          states: {
            gathering: {
              on: {
                'meeting.start': { target: 'opening', actions: 'start' },
                'participant.ready': { guard: 'canMarkReady', actions: 'markReady' },
                'order.set': { guard: 'validOrder', actions: timed('reorder') },
                'pause.start': pauseFrom('gathering'),
              },
            },
            opening: {
              on: {
                'turns.begin': { guard: 'canBeginRound', target: 'speaking', actions: timed('beginLetters') },
                'order.set': { guard: 'validOrder', actions: timed('reorder') },
                'pause.start': pauseFrom('opening'),
              },
            },
            speaking: {
              on: {
                ...turnControls(),
                'offer.present': { guard: 'placeReadyOrOverridden', target: 'offer', actions: timed('presentOffer') },
                'pause.start': pauseFrom('speaking'),
              },
            },
            offer: {
              on: {
                'offer.respond': { actions: 'recordResponse' },
                'objection.raise': { guard: 'canRaiseObjection', actions: 'raiseObjection' },
                'bottomLines.begin': { guard: 'canBeginBottomLines', target: 'bottom-lines', actions: timed('beginBottomLines') },
                'order.set': { guard: 'validOrderForBottomLines', actions: timed('reorder') },
                'pause.start': pauseFrom('offer'),
              },
            },
            'bottom-lines': {
              on: {
                ...turnControls(),
                'offer.present': { guard: 'placeReadyOrOverridden', target: 'offer', actions: timed('presentOffer') },
                'pause.start': pauseFrom('bottom-lines'),
              },
            },
            // Where `pause.end` returns to: the same phase, speaker and statuses.
            resume: { type: 'history', history: 'shallow' },
          },
        },
        paused: {
          on: { 'pause.end': { target: 'live.resume', actions: 'endPause' } },
        },
      },
    },
    outcome: {
      on: {
        'meeting.close': { target: 'closed', actions: 'close' },
        'signals.clear': { guard: 'canClearSignals', actions: 'clearSignals' },
      },
    },
    closed: { type: 'final' },
  },
});

/**
 * An action followed by `trackReading`, for every transition that may give or take the floor: a
 * rehearsal's reading times then see each spell's start and end (issue 10, section 4).
 */
function timed<A extends string>(action: A) {
  return [action, 'trackReading'] as const;
}

/** The de-escalation pause, remembering the phase it interrupted (the history state returns there). */
function pauseFrom(phase: LivePhase) {
  return { target: '#meeting.active.paused', actions: { type: 'startPause', params: { phase } } } as const;
}

/** The turn controls of both rounds of speaking. */
function turnControls() {
  return {
    'turn.next': { guard: 'canAdvance', actions: timed('next') },
    'turn.done': { guard: 'hasCurrentSpeaker', actions: timed('next') },
    'turn.skip': { guard: 'hasCurrentSpeaker', actions: timed('skip') },
    'turn.call': { guard: 'canCall', actions: timed('call') },
    'turn.extend': { guard: 'hasDeadline', actions: 'extend' },
    'order.set': { guard: 'validOrder', actions: timed('reorder') },
  } as const;
}

export type MeetingMachine = typeof meetingMachine;

/** An order of at least one person on this meeting, each once: nobody turned away, no guest still in the lobby. */
function isValidOrder(context: MeetingContext, ids: readonly string[]): boolean {
  // The order keeps at least one person, as creating the meeting requires: a round with
  // nobody to call would leave every tablet waiting for a speaker (issue 12 follow-up).
  if (ids.length === 0 || new Set(ids).size !== ids.length) return false;
  return ids.every((id) => {
    const m = findMember(context, id);
    return m !== undefined && !m.denied && (m.admitted || m.attendance === 'remote');
  });
}
