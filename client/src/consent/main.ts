// The consent page (issue 11, section 3): opened from the one-time link
// (/consent#token=…) on the interventionist's laptop or a tablet handed over,
// where the person reads the form and signs it.
import { mount } from 'svelte';
import '../lib/base.css';
import './print.css';
import NoLink from '../lib/NoLink.svelte';
import { followNewLinks, takeLinkToken } from '../lib/links.js';
import ConsentApp from './ConsentApp.svelte';

const token = takeLinkToken('consent');
// On the interventionist's laptop one tab may sign several forms in a row: a new link opens its own form.
followNewLinks('consent', token);
const target = document.getElementById('app')!;
if (token) mount(ConsentApp, { target, props: { token } });
else mount(NoLink, { target });
