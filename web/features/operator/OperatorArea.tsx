import { Alert, Anchor } from '@mantine/core';
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useProviderMissing } from '../../app/navigation.tsx';
import { roleForChangesOn, useOperatorRole } from '../../app/operator-roles.ts';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loading.tsx';

/** Everything under /operator. The route's guard lets only operators in; a session ending on a page leaves it. */
export function OperatorArea() {
  const { t } = useTranslation();
  const { status, operator } = useSession();
  const href = useRouterState({ select: (state) => state.location.href });
  const path = useRouterState({ select: (state) => state.location.pathname });
  const providerMissing = useProviderMissing();
  const holds = useOperatorRole();
  const needed = roleForChangesOn(path);
  if (status === 'loading') return <Loading />;
  if (!operator) return <Navigate to="/operator/sign-in" state={{ next: href }} replace />;
  return (
    <>
      {providerMissing && (
        <Alert color="yellow" variant="light" mb="md" role="note" title={t('provider.missingTitle')}>
          {t('provider.missing')}{' '}
          {/* The alert's own text colour: the link colour on the yellow tint is below AA contrast. */}
          <Anchor component={Link} to="/operator/provider" inherit c="inherit" underline="always" fw={600}>
            {t('provider.missingLink')}
          </Anchor>
        </Alert>
      )}
      {needed && !holds(needed) && (
        <Alert color="blue" variant="light" mb="md" role="note">
          {t('operatorStaff.readOnlyPage', { role: t(`operatorRoles.${needed}.name`) })}
        </Alert>
      )}
      <Outlet />
    </>
  );
}
