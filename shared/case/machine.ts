// The case's stages as an XState v5 machine, pure like the meeting's: every
// event arrives stamped by the server with `at` and `by`, the machine never
// reads a clock, and its context is plain JSON, so replaying a case's stage
// events reproduces it exactly. The machine holds the order of the stages; what
// the case's content must show before a move is guards.ts's, checked when the
// move is decided (a replay re-applies decisions already made).
import { assign, setup } from 'xstate';
import type { CaseEvent } from './stages.js';
import type { CancelReason, CaseStage, ForwardStage } from './vocabulary.js';

/** One move, kept with its time and author (the actor's id only). */
export interface StageChange {
  from: CaseStage;
  to: CaseStage;
  at: number;
  by: string;
}

export interface Cancellation {
  reason: CancelReason;
  note: string | null;
  from: CaseStage;
  at: number;
  by: string;
}

export interface CaseContext {
  caseId: string;
  stage: CaseStage;
  history: StageChange[];
  cancellation: Cancellation | null;
}

export interface CaseInput {
  caseId: string;
}

type Move = Extract<CaseEvent, { type: 'stage.move' }>;
type Cancel = Extract<CaseEvent, { type: 'case.cancel' }>;

/** The stages a case may be in when one of its meetings ends: any before `after-care` (a meeting needs no stage). */
const BEFORE_AFTER_CARE: readonly CaseStage[] = ['intake', 'assessment', 'planning', 'preparation', 'ready', 'meeting'];

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    movesTo: ({ event }, params: { to: ForwardStage }) => event.type === 'stage.move' && event.to === params.to,
    beforeAfterCare: ({ context }) => BEFORE_AFTER_CARE.includes(context.stage),
  },
  actions: {
    record: assign(({ context, event }) => {
      const { to, at, by } = event as Move;
      return { stage: to, history: [...context.history, { from: context.stage, to, at, by: by.actorId }] };
    }),
    afterMeeting: assign(({ context, event }) => {
      const { at, by } = event as Extract<CaseEvent, { type: 'meeting.outcome' }>;
      return { stage: 'after-care' as const, history: [...context.history, { from: context.stage, to: 'after-care' as const, at, by: by.actorId }] };
    }),
    cancel: assign(({ context, event }) => {
      const { reason, note, at, by } = event as Cancel;
      const change = { from: context.stage, to: 'cancelled' as const, at, by: by.actorId };
      return {
        stage: 'cancelled' as const,
        history: [...context.history, change],
        cancellation: { reason, note, from: context.stage, at, by: by.actorId },
      };
    }),
  },
}).createMachine({
  id: 'case',
  // As in the meeting machine: XState's pure `transition()` builds a throwaway actor without input.
  context: ({ input }) =>
    input === undefined ? ({} as CaseContext) : { caseId: input.caseId, stage: 'intake', history: [], cancellation: null },
  initial: 'open',
  states: {
    open: {
      initial: 'intake',
      on: {
        'case.cancel': { target: 'cancelled', actions: 'cancel' },
        // Issue 11: an outcome moves the case on from any earlier stage; later stages stay where they are.
        'meeting.outcome': { guard: 'beforeAfterCare', target: '.after-care', actions: 'afterMeeting' },
      },
      states: {
        intake: { on: { 'stage.move': forward('assessment') } },
        assessment: { on: { 'stage.move': forward('planning') } },
        planning: { on: { 'stage.move': forward('preparation') } },
        preparation: { on: { 'stage.move': forward('ready') } },
        ready: { on: { 'stage.move': forward('meeting') } },
        meeting: { on: { 'stage.move': forward('after-care') } },
        'after-care': { on: { 'stage.move': forward('follow-up') } },
        'follow-up': { on: { 'stage.move': forward('closed') } },
      },
    },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** The one move forward from a stage: to the next, and only when the event names it. */
function forward(to: ForwardStage) {
  return { guard: { type: 'movesTo', params: { to } }, target: to === 'closed' ? '#case.closed' : to, actions: 'record' } as const;
}

export type CaseMachine = typeof caseMachine;
