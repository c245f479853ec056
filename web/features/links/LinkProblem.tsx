import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { linkErrorMessage } from './link-check.ts';

/**
 * Why a link from an e-mail cannot be used, and where to go instead. Without an error the page was opened
 * without its token (an incomplete link).
 */
export function LinkProblem({
  error,
  missingText,
  requestNew,
}: {
  error?: ApiError;
  missingText: string;
  /** Where a new link of this kind can be requested, e.g. /forgot-password. */
  requestNew?: { href: string; label: string };
}) {
  const { t } = useTranslation();
  const expiredOrInvalid = !error || error.code === 'LINK_EXPIRED' || error.code === 'LINK_INVALID';
  return (
    <>
      <ErrorAlert message={error ? linkErrorMessage(t, error) : missingText} />
      <Group gap="lg">
        {requestNew && expiredOrInvalid && (
          <Anchor component={Link} href={requestNew.href}>
            {requestNew.label}
          </Anchor>
        )}
        <Anchor component={Link} href="/sign-in">
          {t('links.goToSignIn')}
        </Anchor>
      </Group>
    </>
  );
}
