// The consent page (issue 11, section 3): opened from the one-time link
// (/consent#token=…) on the interventionist's laptop or a tablet handed over,
// where the person reads the form and signs it.
import { mount } from 'svelte';
import '../lib/base.css';
import './print.css';
import NoLink from '../lib/NoLink.svelte';
import { followNewLinks, takeLinkToken } from '../lib/links.js';
import ConsentApp from './ConsentApp.svelte';
import { language } from '../lib/i18n.svelte.js';
import { m } from '../paraglide/messages.js';

const token = takeLinkToken('consent');
// On the interventionist's laptop one tab may sign several forms in a row: a new link opens its own form.
followNewLinks('consent', token);
const target = document.getElementById('app')!;
// English or Spanish, the person's choice on this device for this link (issue 15); English first.
if (token) language.rememberFor('consent', token, m.page_title_consent);
if (token) mount(ConsentApp, { target, props: { token } });
else mount(NoLink, { target });
