// Remote family: opened from a remote link (/remote#token=…), on a phone or a laptop.
import { mount } from 'svelte';
import '../lib/base.css';
import { crisis } from '../lib/crisis.svelte.js';
import { takeLinkToken } from '../lib/links.js';
import NoLink from '../lib/NoLink.svelte';
import JoinApp from './JoinApp.svelte';

void crisis.load();
const token = takeLinkToken('remote');
const target = document.getElementById('app')!;
if (token) mount(JoinApp, { target, props: { token } });
else mount(NoLink, { target });
