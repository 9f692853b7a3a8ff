// The console's calls for the practice (issue 16): accounts, invitations and
// reset links (the admin's), case staff, and one's own password.
import type { AccountRole, InvitationPurpose, InvitationStatus, StaffRole } from '../../../../shared/practice.js';
import { request } from '../api.js';

export interface PracticeAccount {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  active: boolean;
  createdAt: number;
  /** Cases the account owns or works on. */
  cases: number;
}
export interface Invitation {
  id: string;
  purpose: InvitationPurpose;
  email: string;
  role: AccountRole;
  accountId: string | null;
  createdAt: number;
  expiresAt: number;
  status: InvitationStatus;
}
/** A one-time link just made: shown once, since only its hash is kept. */
export interface IssuedLink {
  id: string;
  url: string;
  expiresAt: number;
}
export interface StaffMember {
  accountId: string;
  name: string;
  active: boolean;
  role?: StaffRole;
  addedAt?: number;
}
export interface CaseStaff {
  owner: StaffMember;
  staff: StaffMember[];
  you: 'owner' | StaffRole;
}

const enc = encodeURIComponent;

export const practiceApi = {
  accounts: () => request<{ accounts: PracticeAccount[] }>('GET', '/api/accounts'),
  updateAccount: (id: string, patch: { active?: boolean; role?: AccountRole }) => request<PracticeAccount>('PATCH', `/api/accounts/${enc(id)}`, patch),
  resetLink: (id: string) => request<IssuedLink>('POST', `/api/accounts/${enc(id)}/reset`, {}),
  invitations: () => request<{ invitations: Invitation[] }>('GET', '/api/invitations'),
  invite: (body: { email: string; role: AccountRole }) => request<IssuedLink>('POST', '/api/invitations', body),
  revokeInvitation: (id: string) => request<null>('DELETE', `/api/invitations/${enc(id)}`),
  accept: (body: { token: string; name?: string; password: string }) =>
    request<{ id: string; name: string; email: string; role: AccountRole }>('POST', '/api/invitations/accept', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => request<null>('POST', '/api/me/password', body),
  colleagues: () => request<{ colleagues: Array<{ id: string; name: string }> }>('GET', '/api/colleagues'),
  staff: (caseId: string) => request<CaseStaff>('GET', `/api/cases/${enc(caseId)}/staff`),
  addStaff: (caseId: string, accountId: string) => request<StaffMember>('POST', `/api/cases/${enc(caseId)}/staff`, { accountId }),
  removeStaff: (caseId: string, accountId: string) => request<null>('DELETE', `/api/cases/${enc(caseId)}/staff/${enc(accountId)}`),
};
