// The practice pages' words for the shared account roles, from the case catalog (issue 15).
import type { AccountRole } from '../../../../shared/practice.js';
import { m } from '../../paraglide/messages.js';

/** Each account role in the practice, as the People page names it. */
export const ROLE_WORDS: Record<AccountRole, string> = {
  get admin() { return m.practice_account_role_admin(); },
  get interventionist() { return m.practice_account_role_interventionist(); },
};
