// M2: switching gets a new session from the server; everything read in the old account is forgotten, so no
// page shows one account's data while acting in another.
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { type CustomerSession, sessionKey, useSession } from './session.tsx';

/** Takes a session the server moved to another account: nothing read in the old one stays in the cache. */
export function useSwitchedSession() {
  const queryClient = useQueryClient();
  const { customerSignedIn } = useSession();
  return (session: CustomerSession) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    customerSignedIn(session);
  };
}

export function useSwitchAccount() {
  const adopt = useSwitchedSession();
  const mutation = api.useMutation('put', '/api/v1/auth/session/account');
  const switchAccount = async (accountId: string): Promise<CustomerSession> => {
    const session = await mutation.mutateAsync({ body: { accountId } });
    adopt(session);
    return session;
  };
  return { switchAccount, isPending: mutation.isPending };
}

/** Where sign-in leads: straight in with one account, to the choice with several (unless a page was asked for). */
export function pathAfterSignIn(session: CustomerSession, returnPath: string, defaultPath: string) {
  return session.memberships.length > 1 && returnPath === defaultPath ? '/account/choose' : returnPath;
}
