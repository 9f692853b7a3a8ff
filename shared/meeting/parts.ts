// How a whole view is made of its parts (issue 14): the public agenda that
// everyone let in shares, and one private part per person (`meeting:you`) or for
// the facilitator (`meeting:facilitator`). Protocol v1's server composes each
// view from the parts with these functions before sending it; a v2 client
// composes the latest parts it holds with the same functions, so the two
// versions cannot drift. No imports: the clients load this module at runtime.

/** What every part says about itself: which meeting, at which revision, on the server's clock (ms). */
export interface PartStamp {
  meetingId: string;
  revision: number;
  serverTime: number;
}

/** The stamp fields, and `rehearsal`, which a private part repeats only so that a lobby screen can say it. */
type StampKeys = keyof PartStamp | 'rehearsal';

/** A private part without its stamp: the fields it adds to the agenda in a composed view. */
export type PartFields<P> = Omit<P, StampKeys>;

/** A part's own fields, its stamp left out (the agenda's stamp is the view's). */
function fieldsOf<P extends PartStamp>(part: P): PartFields<P> {
  const { meetingId: _m, revision: _r, serverTime: _s, rehearsal: _h, ...fields } = part as P & { rehearsal?: boolean };
  return fields as PartFields<P>;
}

/**
 * The agenda someone still in the lobby is shown: nothing that moves with the meeting (issue 12,
 * case 8). Every field is fixed, and `revision` is 0, so a forwarded link's holder learns nothing,
 * not even how far the meeting has got; only `rehearsal`, fixed for the meeting's life, is said.
 */
export function lobbyAgenda(meetingId: string, serverTime: number, rehearsal: boolean) {
  return {
    meetingId,
    revision: 0,
    phase: 'gathering' as const,
    paused: false,
    round: 'letters' as const,
    approach: null,
    speakingOrder: [] as never[],
    currentSpeakerId: null,
    turnEndsAt: null,
    outcome: null,
    rehearsal,
    serverTime,
  };
}

/**
 * A participant's whole view: the agenda and their own part. Someone not let in (`part.lobby` is
 * not null) is composed with the fixed lobby agenda whatever `agenda` is, so no agenda leaks into
 * a lobby view even if a client still holds one from before it was sent back. `agenda` may be null
 * only with a lobby part: a client holding an admitted part and no agenda yet waits for the agenda.
 */
export function composeParticipant<A extends PartStamp, P extends PartStamp & { lobby: unknown; rehearsal: boolean }>(agenda: A | null, part: P) {
  const base = part.lobby !== null || !agenda ? lobbyAgenda(part.meetingId, part.serverTime, part.rehearsal) : withoutDisplayLanguage(agenda);
  return { ...base, role: 'participant' as const, ...fieldsOf(part) };
}

/** The agenda without the room display's language (issue 15): a participant's own language is in their part. */
function withoutDisplayLanguage<A extends PartStamp>(agenda: A): Omit<A, 'displayLanguage'> {
  const { displayLanguage: _d, ...rest } = agenda as A & { displayLanguage?: unknown };
  return rest;
}

/** The facilitator's whole view: the agenda and the facilitator's part. */
export function composeFacilitator<A extends PartStamp, P extends PartStamp>(agenda: A, part: P) {
  return { ...agenda, role: 'facilitator' as const, ...fieldsOf(part) };
}

/**
 * The room display's view: the agenda alone. The display's language rides on the agenda as
 * `displayLanguage` (issue 15: in v2 the display receives nothing else) and shows as `language`.
 */
export function composeDisplay<A extends PartStamp & { displayLanguage?: string }>(agenda: A) {
  const { displayLanguage, ...rest } = agenda;
  return { ...rest, role: 'display' as const, ...(displayLanguage ? { language: displayLanguage as NonNullable<A['displayLanguage']> } : {}) };
}
