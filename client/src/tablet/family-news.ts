// After a yes (issue 11, section 3): the one calm word the remote family's
// screen shows once the interventionist shares it, in one place for the
// message catalogs (English for now). Never a name, a place or a time.
import type { FamilyNews } from '../../../shared/meeting/view.js';

export const FAMILY_NEWS_WORDS: Record<FamilyNews, { title: string; line: string }> = {
  'on-the-way': { title: 'On the way', line: 'They are on their way to treatment.' },
  admitted: { title: 'Admitted', line: 'They have been admitted for treatment.' },
};
