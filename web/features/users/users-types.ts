import type { Role } from '../../app/session.tsx';
import type { Credentials } from '../../ui/CredentialList.tsx';

/** One user of the account as GET /api/v1/accounts/:accountId/users lists it. */
export interface AccountUser {
  id: string;
  userNumber: string;
  username: string;
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  status: string;
  locale: string | null;
  createdAt: string;
  role: Role;
  isAdmin: boolean;
}

export interface UserList {
  items: AccountUser[];
  total: number;
  page: number;
  pageSize: number;
  seats: { used: number; limit: number };
}

/** POST …/users and …/users/:userId/reassign: the user and their program credentials, shown once. */
export interface UserWithCredentials {
  user: AccountUser;
  credentials: Credentials;
}

export const usersPath = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}/users`;
export const userPath = (accountId: string, userId: string) =>
  `${usersPath(accountId)}/${encodeURIComponent(userId)}`;
