import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

/** Everything under /account. The route's guard lets only customers in; a session ending on a page leaves it. */
export function AccountArea() {
  const { status, customer } = useSession();
  const href = useRouterState({ select: (state) => state.location.href });
  if (status === 'loading') return <Loading />;
  if (!customer) return <Navigate to="/sign-in" state={{ next: href }} replace />;
  return <Outlet />;
}
