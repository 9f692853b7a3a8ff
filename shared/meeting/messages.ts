// Words for a command the machine refused, shown to the person who tried.
// They say what is going on and, where it helps, what to do instead.
import type { CommandType } from '../protocol.js';
import type { MeetingContext, Phase } from './context.js';

const PHASE_WORDS: Record<Phase, string> = {
  gathering: 'people are gathering',
  opening: 'the opening is under way',
  speaking: 'people are speaking',
  offer: 'the offer is on the table',
  'bottom-lines': 'bottom lines are being read',
  paused: 'the meeting is paused',
  outcome: 'the outcome has been recorded',
  closed: 'the meeting is closed',
};

export function notAllowedMessage(type: CommandType, phase: Phase, context: MeetingContext): string {
  if (phase === 'closed') return 'The meeting is closed; nothing more can change';
  switch (type) {
    case 'turn.done':
    case 'turn.skip':
      if (phase === 'speaking' || phase === 'bottom-lines') return 'Nobody is speaking right now';
      break;
    case 'turn.next':
      if (phase === 'speaking' || phase === 'bottom-lines') return 'Everyone in the speaking order has had their turn';
      break;
    case 'turn.extend':
      if (phase === 'speaking' || phase === 'bottom-lines') return 'There is no turn to extend right now';
      break;
    case 'turn.call':
      if (phase === 'speaking' || phase === 'bottom-lines') return 'That person is not in the speaking order, or is already speaking';
      break;
    case 'order.set':
      if (phase !== 'paused') return 'The order must list people on this meeting, each once, and none who were turned away';
      break;
    case 'bottomLines.begin':
      if (!context.usesBottomLines) return 'This approach does not use bottom lines';
      if (context.bottomLinesRead) return 'Bottom lines have already been read in this meeting';
      if (phase === 'offer') return 'Bottom lines follow a declined offer: record the response first';
      break;
    case 'participant.ready':
      if (phase === 'gathering') return 'You are already marked ready';
      return 'Ready is only marked while people are gathering';
    case 'lobby.admit':
    case 'lobby.deny':
      return phase === 'outcome' ? 'The meeting has ended' : 'That person is not waiting in the lobby';
    case 'lobby.return':
      return 'Only someone remote who has been let in can be sent back to the lobby';
    case 'lobby.lock':
      return phase === 'outcome' ? 'The meeting has ended' : 'The lobby is already locked';
    case 'lobby.unlock':
      return phase === 'outcome' ? 'The meeting has ended' : 'The lobby is not locked';
    case 'signals.clear':
      return 'There is no such signal to clear';
    case 'pause.end':
      return 'The meeting is not paused';
    case 'pause.start':
      if (phase === 'paused') return 'The meeting is already paused';
      break;
  }
  return `That is not possible now: ${PHASE_WORDS[phase]}`;
}
