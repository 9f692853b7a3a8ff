// The in-room tablet: opened from a personal link (/tablet#token=…).
import { mount } from 'svelte';
import type { ParticipantView } from '../../../shared/meeting/view.js';
import '../lib/base.css';
import { MeetingConnection } from '../lib/connection.svelte.js';
import { crisis } from '../lib/crisis.svelte.js';
import { takeLinkToken } from '../lib/links.js';
import ParticipantScreen from './ParticipantScreen.svelte';
import NoLink from '../lib/NoLink.svelte';

void crisis.load();
const token = takeLinkToken('tablet');
const target = document.getElementById('app')!;
if (token) {
  const conn = new MeetingConnection<ParticipantView>({ auth: () => ({ token }) });
  mount(ParticipantScreen, { target, props: { conn } });
} else {
  mount(NoLink, { target });
}
