// The family's preparation page (issue 10): opened from a person's own link
// (/prepare#token=…) on a phone or tablet, days before the meeting.
import { mount } from 'svelte';
import '../lib/base.css';
import NoLink from '../lib/NoLink.svelte';
import { takeLinkToken } from '../lib/links.js';
import PrepareApp from './PrepareApp.svelte';

const token = takeLinkToken('prepare');
const target = document.getElementById('app')!;
if (token) mount(PrepareApp, { target, props: { token } });
else mount(NoLink, { target });
