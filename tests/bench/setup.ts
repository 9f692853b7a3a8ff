// Meetings for the bench, created through the real HTTP API as a facilitator
// would: one account (set up, then signed in), and per meeting a case of its
// own, M in-room participants with a letter of about a page, and the meeting.
import type { MeetingSpec } from './shapes.js';

const PASSWORD = 'bench password, not a secret';
const EMAIL = 'bench@threshold.invalid';

// About a page: what a participant typically reads aloud. It rides in their own view.
const LETTER = 'I remember the summer at the lake, when you taught me to swim. '.repeat(32);
const BOTTOM_LINE = 'If you do not accept help today, I will no longer pay your rent.';

export class Http {
  cookie = '';
  constructor(readonly url: string) {}

  async post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(this.url + path, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  async created(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await this.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body;
  }
}

/** Set up the one facilitator account and sign in; returns a client holding the session cookie. */
export async function facilitator(url: string): Promise<Http> {
  const http = new Http(url);
  const setup = await http.post('/api/setup', { name: 'Bench Facilitator', email: EMAIL, password: PASSWORD });
  if (setup.status !== 201 && setup.status !== 409) throw new Error(`setup: ${setup.status}`);
  const login = await http.post('/api/login', { email: EMAIL, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  return http;
}

async function createMeeting(http: Http, index: number, participants: number): Promise<MeetingSpec> {
  const kase = await http.created('/api/cases', { lovedOneName: `Loved one ${index}`, approach: 'johnson' });
  const participantIds: string[] = [];
  for (let p = 0; p < participants; p++) {
    const person = await http.created(`/api/cases/${kase.id}/participants`, {
      name: `Family member ${p + 1}`,
      relationship: 'family',
      attendance: 'in-room',
      letter: LETTER,
      bottomLine: BOTTOM_LINE,
    });
    participantIds.push(person.id as string);
  }
  const meeting = await http.created(`/api/cases/${kase.id}/meetings`, { speakingOrder: participantIds });
  const links = (meeting.links as { participants: Array<{ participantId: string; token: string }> }).participants;
  const tokens = participantIds.map((id) => links.find((l) => l.participantId === id)!.token);
  return { id: meeting.id as string, participantIds, tokens };
}

/** Create meetings until `into` holds `count` of them, a few requests at a time. */
export async function createMeetings(http: Http, into: MeetingSpec[], count: number, participants: number): Promise<void> {
  let next = into.length;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      into[index] = await createMeeting(http, index, participants);
    }
  };
  await Promise.all(Array.from({ length: 6 }, lane));
}
