// The remote lobby's words (issue 13, item 18), in one place for translation:
// whose meeting it is and who lets people in, different for someone sent back
// to wait than for a first arrival. Each sentence is a template whose names are
// filled in as separate parts, so that the page can isolate a name's direction.
import type { LobbyWelcome } from '../../../shared/meeting/view.js';

/** A sentence in parts: plain text, or a person's name to show isolated (`<bdi>`). */
export type Part = { text: string } | { name: string };

export interface LobbyWords {
  heading: Part[];
  lead: Part[];
  more: string;
}

const t = (text: string): Part => ({ text });
const n = (name: string): Part => ({ name });

/**
 * The lobby's heading and sentences for `welcome` (absent for a meeting made before it knew the
 * names), greeting `yourName` on a first arrival; `back` for someone the facilitator sent back.
 */
export function lobbyWords(welcome: LobbyWelcome | undefined, yourName: string, back: boolean): LobbyWords {
  const lovedOne = welcome?.lovedOne ?? null;
  const facilitator = welcome?.facilitator ?? null;
  const whose = lovedOne ? [n(lovedOne), t('’s family meeting. ')] : [];
  if (back) {
    return {
      heading: [t('You’re in the waiting room for now')],
      lead: [...whose, ...(facilitator ? [n(facilitator)] : [t('The facilitator')]), t(' has asked you to wait here for a little while, and will bring you back in.')],
      more: 'You can leave this page open; there is nothing you need to do.',
    };
  }
  return {
    heading: yourName ? [t('Hello, '), n(yourName)] : [t('Hello')],
    lead: [...whose, ...(facilitator ? [n(facilitator), t(' will let you in.')] : [t('The facilitator will let you in shortly.')])],
    more: 'You can leave this page open. Thank you for joining.',
  };
}
