// Templates for the intervention approaches a meeting can follow. A meeting
// copies its template's options into the machine's context when it is created,
// so changing a template later never changes a meeting already under way.

export const APPROACH_NAMES = ['johnson', 'love-first', 'invitational', 'arise', 'systemic'] as const;
export type Approach = (typeof APPROACH_NAMES)[number];

export interface ApproachTemplate {
  label: string;
  /** Whether participants read bottom lines after the offer is declined. */
  usesBottomLines: boolean;
  /** Default length of one speaking turn. */
  turnSeconds: number;
  summary: string;
}

export const APPROACHES: Record<Approach, ApproachTemplate> = {
  johnson: {
    label: 'Johnson',
    usesBottomLines: true,
    turnSeconds: 300,
    summary: 'A planned meeting with prepared letters, and bottom lines if the offer is declined.',
  },
  'love-first': {
    label: 'Love First',
    usesBottomLines: true,
    turnSeconds: 300,
    summary: 'Structured letters read in a planned order, with a chairperson and a closer.',
  },
  invitational: {
    label: 'Invitational',
    usesBottomLines: false,
    turnSeconds: 240,
    summary: 'The person is invited and nothing is hidden.',
  },
  arise: {
    label: 'ARISE',
    usesBottomLines: false,
    turnSeconds: 240,
    summary: 'An invitational approach whose last level is this formal meeting.',
  },
  systemic: {
    label: 'Systemic',
    usesBottomLines: false,
    turnSeconds: 300,
    summary: 'The whole family is the client; each member commits to their own change.',
  },
};

export function isApproach(value: string): value is Approach {
  return (APPROACH_NAMES as readonly string[]).includes(value);
}
