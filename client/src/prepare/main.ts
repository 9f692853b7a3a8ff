// The family's preparation page (issue 10): opened from a person's own link
// (/prepare#token=…) on a phone or tablet, days before the meeting.
import { mount } from 'svelte';
import '../lib/base.css';
import NoLink from '../lib/NoLink.svelte';
import { takeLinkToken } from '../lib/links.js';
import PrepareApp from './PrepareApp.svelte';
import { language } from '../lib/i18n.svelte.js';
import { m } from '../paraglide/messages.js';

const token = takeLinkToken('prepare');
const target = document.getElementById('app')!;
// A language chosen on this device for this link comes back before the first word is shown (issue 15).
if (token) language.rememberFor('prepare', token, m.page_title_prepare);
if (token) mount(PrepareApp, { target, props: { token } });
else mount(NoLink, { target });
