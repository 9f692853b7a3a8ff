// A practice's words (issue 16): the roles an account holds, a colleague's
// part on a case, and how long an invitation or reset link works. No
// dependency, so the console imports them without zod.

/** `admin` runs the practice (accounts, invitations) and owns cases too; `interventionist` owns cases. */
export const ACCOUNT_ROLES = ['admin', 'interventionist'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A colleague's part on someone else's case: sees it and runs its meetings beside the owner. */
export const STAFF_ROLES = ['co-facilitator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** How someone is on a case: its owner, or a colleague the owner added. */
export type CaseAccess = 'owner' | StaffRole;

/** What a one-time link is for: joining the practice, or setting a new password. */
export type InvitationPurpose = 'join' | 'reset';

/** An invitation works for 72 hours: long enough for a weekend, short enough that a forwarded email goes stale. */
export const INVITATION_HOURS = 72;
/** A password-reset link works for 24 hours: the admin hands it over in person or by phone, and it opens an existing account. */
export const RESET_HOURS = 24;

/** Where an invitation or reset link stands, for the People page. */
export type InvitationStatus = 'pending' | 'used' | 'revoked' | 'expired';

/** Words for a role, as the console shows them. */
export const ROLE_WORDS: Record<AccountRole, string> = { admin: 'Administrator', interventionist: 'Interventionist' };

/** The console's own page for a one-time link; the token rides in the fragment, never sent to a server log. */
export const JOIN_PATH = '/join-practice';
