// Remote family: opened from a remote link (/remote#token=…), on a phone or a laptop.
import { mount } from 'svelte';
import '../lib/base.css';
import { startLinkPage } from '../lib/link-page.js';
import JoinApp from './JoinApp.svelte';
import { page_title_remote } from '../paraglide/messages.js';

startLinkPage('remote', page_title_remote, (token, target) => mount(JoinApp, { target, props: { token } }));
