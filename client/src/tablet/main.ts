// The in-room tablet: opened from a personal link (/tablet#token=…).
import '../lib/base.css';
import type { ParticipantView } from '../../../shared/meeting/view.js';
import { startMeetingScreen } from '../lib/link-page.js';
import ParticipantScreen from './ParticipantScreen.svelte';
import { page_title_tablet } from '../paraglide/messages.js';

startMeetingScreen<ParticipantView>('tablet', page_title_tablet, ParticipantScreen);
