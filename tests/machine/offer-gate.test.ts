// Issue 11, section 2: the offer waits for the treatment place. The machine
// reads only the server's stamp on the event (`placeReady`), so a replay of
// the log decides as the meeting did: a held offer stays held, an override
// goes through, and an offer logged before issue 11 (no stamp) was accepted
// then and is accepted on replay.
import { describe, expect, test } from 'vitest';
import { canApply, persistMeeting, phaseOf, replay, restoreMeeting } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import { FACILITATOR } from '../helpers/events.js';
import { MIN, T, ev, eventsTo, meetingIn, meetingInput } from './support.js';

const NO_BED = ['The primary place has no bed held'];
const held = (over: Record<string, unknown> = {}) =>
  ({ ...ev({ type: 'offer.present', ...over } as never, T + 10 * MIN), placeReady: false, placeMissing: NO_BED }) as MeetingEvent;

describe('the offer gate', () => {
  test('issue 11, case 9: an offer stamped "place not ready" is refused, with words naming what is missing', () => {
    const speaking = meetingIn('speaking');
    const event = held();
    expect(canApply(speaking, event)).toBe(false);
    expect(notAllowedMessage('offer.present', phaseOf(speaking), speaking.context, event))
      .toBe('The offer waits for the treatment place. The primary place has no bed held. To make the offer anyway, give a reason to override.');
    // Elsewhere the usual words: the place is not the reason there.
    const gathering = meetingIn('gathering');
    expect(notAllowedMessage('offer.present', phaseOf(gathering), gathering.context, event)).toMatch(/^That is not possible now/);
  });

  test('issue 11, case 10: with an override reason, or with the place ready, the offer goes through', () => {
    const speaking = meetingIn('speaking');
    expect(canApply(speaking, held({ override: 'The family drives him to the centre, which admits walk-ins' }))).toBe(true);
    expect(canApply(speaking, { ...ev({ type: 'offer.present' }, T + 10 * MIN), placeReady: true } as MeetingEvent)).toBe(true);
  });

  test('issue 11, case 11: the button stays enabled (the probe carries no stamp): the refusal names the missing item instead', () => {
    expect(allowedCommands(meetingIn('speaking'), { role: 'facilitator' }, FACILITATOR.actorId)).toContain('offer.present');
  });
});

describe('replay', () => {
  test('issue 11, case 12: a log with an override and an old unstamped offer replays to the same meeting', () => {
    const events: MeetingEvent[] = [
      ...eventsTo('speaking'),
      held({ override: 'Bed promised by phone; paperwork follows' }),
      ev({ type: 'offer.respond', response: 'declined' }, T + 11 * MIN),
      ev({ type: 'bottomLines.begin' }, T + 12 * MIN),
      // Logged by the release before issue 11: no stamp at all.
      ev({ type: 'offer.present' }, T + 13 * MIN),
      ev({ type: 'offer.respond', response: 'accepted' }, T + 14 * MIN),
    ];
    const replayed = replay(meetingInput(), events);
    expect(phaseOf(replayed)).toBe('offer');
    expect(replayed.context.offersMade).toBe(2);
    expect(replayed.context.responses.map((r) => r.response)).toEqual(['declined', 'accepted']);
    // The snapshot format is unchanged (MEETING_MACHINE_VERSION stays 1): a stored one restores as the same meeting.
    const restored = restoreMeeting(JSON.parse(JSON.stringify(persistMeeting(replayed))));
    expect(persistMeeting(restored)).toEqual(persistMeeting(replayed));
    expect(persistMeeting(replayed).machineVersion).toBe(1);
    expect(restored.context.currentSpeakerId).toBeNull();
  });
});
