// T1: right after signing in or activating, an account's owner lands in the express setup until it is
// finished or put off ("later"). A small module of the main chunk: the router's /account route calls it.
import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { client } from '../../api/client.ts';
import { loadSession } from '../../app/session.tsx';

export async function toExpressSetupIfOpen(queryClient: QueryClient): Promise<void> {
  const { customer } = await loadSession(queryClient);
  if (customer?.account.role !== 'owner') return;
  const { data } = await client
    .GET('/api/v1/accounts/{accountId}/express-setup', {
      params: { path: { accountId: customer.account.id } },
    })
    .catch(() => ({ data: undefined }));
  if (data?.progress.state === 'open') throw redirect({ to: '/account/express-setup/wizard', replace: true });
}
