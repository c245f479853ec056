import { Anchor, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { PasswordArea, passwordAreas } from '../password/password-areas.ts';
import { linkErrorMessage } from './link-check.ts';

/**
 * Why a link from an e-mail cannot be used, and where to go instead. Without an error the page was opened
 * without its token (an incomplete link).
 */
export function LinkProblem({
  error,
  missingText,
  requestNew,
  signIn = '/sign-in',
}: {
  error?: ApiError;
  missingText: string;
  /** Where a new link of this kind can be requested, e.g. /forgot-password. */
  requestNew?: { to: (typeof passwordAreas)[PasswordArea]['forgot']; label: string };
  /** The sign-in page that fits the link: the operators' for an operator's link. */
  signIn?: (typeof passwordAreas)[PasswordArea]['signIn'];
}) {
  const { t } = useTranslation();
  const expiredOrInvalid = !error || error.code === 'LINK_EXPIRED' || error.code === 'LINK_INVALID';
  return (
    <>
      <ErrorAlert message={error ? linkErrorMessage(t, error) : missingText} />
      <Group gap="lg">
        {requestNew && expiredOrInvalid && (
          <Anchor component={Link} to={requestNew.to}>
            {requestNew.label}
          </Anchor>
        )}
        <Anchor component={Link} to={signIn}>
          {t('links.goToSignIn')}
        </Anchor>
      </Group>
    </>
  );
}
