// After a yes (issue 11, section 3): the one calm word the remote family's
// screen shows once the interventionist shares it, from the message catalogs
// (issue 15). Never a name, a place or a time.
import type { FamilyNews } from '../../../shared/meeting/view.js';
import { m } from '../paraglide/messages.js';

/** The title and line for `news`, in the page's language. */
export function familyNewsWords(news: FamilyNews): { title: string; line: string } {
  return news === 'admitted'
    ? { title: m.family_news_admitted_title(), line: m.family_news_admitted_line() }
    : { title: m.family_news_on_the_way_title(), line: m.family_news_on_the_way_line() };
}
