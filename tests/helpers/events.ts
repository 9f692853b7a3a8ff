// Builders for stamped machine events, as the server would deliver them.
import type { Command, MeetingEvent, Role } from '../../shared/protocol.js';
import type { MeetingInput } from '../../shared/meeting/context.js';

export const FACILITATOR = { actorId: 'fac-1', role: 'facilitator' as Role };

export function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    meetingId: 'm-1',
    approach: 'johnson',
    usesBottomLines: true,
    turnSeconds: 300,
    members: [
      { participantId: 'p-ann', name: 'Ann', attendance: 'in-room' },
      { participantId: 'p-bob', name: 'Bob', attendance: 'in-room' },
      { participantId: 'p-cy', name: 'Cy', attendance: 'remote' },
    ],
    speakingOrder: ['p-ann', 'p-bob', 'p-cy'],
    ...overrides,
  };
}

let counter = 0;
type Payload<C> = C extends Command ? Omit<C, 'commandId' | 'expectedRevision'> : never;

/** A stamped event; by default from the facilitator. */
export function ev(
  command: Payload<Command> & { joiner?: MeetingEvent['joiner'] },
  at: number,
  by: { actorId: string; role: Role } = FACILITATOR,
): MeetingEvent {
  counter += 1;
  return { commandId: `c-${counter}`, expectedRevision: 0, ...command, at, by } as MeetingEvent;
}

export function participant(actorId: string) {
  return { actorId, role: 'participant' as Role };
}
