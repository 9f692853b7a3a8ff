// The room display: opened from the display link (/display#token=…) on a TV.
import { mount } from 'svelte';
import type { DisplayView } from '../../../shared/meeting/view.js';
import '../lib/base.css';
import { MeetingConnection } from '../lib/connection.svelte.js';
import { crisis } from '../lib/crisis.svelte.js';
import { takeLinkToken } from '../lib/links.js';
import NoLink from '../lib/NoLink.svelte';
import DisplayApp from './DisplayApp.svelte';

void crisis.load();
const token = takeLinkToken('display');
const target = document.getElementById('app')!;
if (token) {
  const conn = new MeetingConnection<DisplayView>({ auth: () => ({ token }) });
  mount(DisplayApp, { target, props: { conn } });
} else {
  mount(NoLink, { target });
}
