import type { ReactNode } from 'react';
import { MailboxPage } from '../features/mailbox/MailboxPage.tsx';
import { MailMessagePage } from '../features/mailbox/MailMessagePage.tsx';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { CustomerAccountsPage } from '../features/operator/CustomerAccountsPage.tsx';
import { OperatorArea } from '../features/operator/OperatorArea.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { matchPath, Redirect } from './router.tsx';
import { useSession } from './session.tsx';

type Params = Record<string, string>;

const routes: { pattern: string; render: (params: Params) => ReactNode }[] = [
  { pattern: '/', render: () => <StartPage /> },
  { pattern: '/setup', render: () => <SetupPage /> },
  { pattern: '/sign-in', render: () => <SignInPage /> },
  { pattern: '/operator', render: () => <Redirect to="/operator/mailbox" /> },
  {
    pattern: '/operator/customer-accounts',
    render: () => (
      <OperatorArea>
        <CustomerAccountsPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/mailbox',
    render: () => (
      <OperatorArea>
        <MailboxPage />
      </OperatorArea>
    ),
  },
  {
    pattern: '/operator/mailbox/:id',
    render: ({ id = '' }) => (
      <OperatorArea>
        <MailMessagePage id={id} />
      </OperatorArea>
    ),
  },
];

export function renderRoute(path: string): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}

function StartPage() {
  const { status } = useSession();
  if (status === 'loading') return <Loading />;
  return <Redirect to={status === 'signedIn' ? '/operator/mailbox' : '/sign-in'} />;
}
