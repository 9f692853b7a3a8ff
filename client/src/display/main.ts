// The room display: opened from the display link (/display#token=…) on a TV.
import '../lib/base.css';
import type { DisplayView } from '../../../shared/meeting/view.js';
import { startMeetingScreen } from '../lib/link-page.js';
import DisplayApp from './DisplayApp.svelte';
import { page_title_display } from '../paraglide/messages.js';

startMeetingScreen<DisplayView>('display', page_title_display, DisplayApp);
