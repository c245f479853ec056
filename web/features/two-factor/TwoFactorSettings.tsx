// The own second factor (S8) on a profile page, the same for customers and operators; the page passes the
// calls of its area.
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, asApiError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { type Enrolment, EnrolmentSteps } from './EnrolmentSteps.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

export type TwoFactorStatus = ApiResult<'/api/v1/me/two-factor'>;

export interface TwoFactorCalls {
  start: () => Promise<Enrolment>;
  confirm: (code: string) => Promise<string[]>;
  disable: (currentPassword: string) => Promise<unknown>;
  renew: (currentPassword: string) => Promise<string[]>;
  /** After a change: read the status again. */
  changed: () => void;
}

export function TwoFactorSettings({
  status,
  calls,
}: {
  status: TwoFactorStatus | undefined;
  calls: TwoFactorCalls;
}) {
  const { t } = useTranslation();
  const operator = useSession().operator !== null;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'disable' | 'renew' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  if (!status) return <Loading />;
  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;

  const begin = async () => {
    setStarting(true);
    setProblem(null);
    try {
      setEnrolment(await calls.start());
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setStarting(false);
    }
  };
  const confirm = async (code: string) => {
    const recoveryCodes = await calls.confirm(code);
    setEnrolment(null);
    setCodes(recoveryCodes);
    notifyDone(t('twoFactor.enabledDone'));
    calls.changed();
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge color={status.enabled ? 'teal' : 'gray'} variant="light" size="lg">
          {t(status.enabled ? 'twoFactor.on' : 'twoFactor.off')}
        </Badge>
        {status.enabled && (
          <Text size="sm">{t('twoFactor.recoveryCodesLeft', { count: status.recoveryCodesLeft })}</Text>
        )}
      </Group>
      {status.requiredByAccount && (
        <Alert variant="light" color="blue">
          {t(operator ? 'twoFactor.requiredForOperators' : 'twoFactor.requiredByAccount')}
        </Alert>
      )}
      <ErrorAlert message={problem} />
      {!status.enabled &&
        (enrolment ? (
          <EnrolmentSteps enrolment={enrolment} confirm={confirm} />
        ) : (
          <Button onClick={begin} loading={starting} w="fit-content">
            {t('twoFactor.start')}
          </Button>
        ))}
      {status.enabled && (
        <Group gap="sm">
          <Button variant="light" onClick={() => setDialog('renew')}>
            {t('twoFactor.renew')}
          </Button>
          {!status.requiredByAccount && (
            <Button variant="light" color="red" onClick={() => setDialog('disable')}>
              {t('twoFactor.disable')}
            </Button>
          )}
        </Group>
      )}
      <PasswordDialog
        opened={dialog === 'renew'}
        title={t('twoFactor.renew')}
        intro={t('twoFactor.renewIntro')}
        submitLabel={t('twoFactor.renewSubmit')}
        onClose={() => setDialog(null)}
        onSubmit={async (currentPassword) => {
          const recoveryCodes = await calls.renew(currentPassword);
          setDialog(null);
          setCodes(recoveryCodes);
          calls.changed();
        }}
      />
      <PasswordDialog
        opened={dialog === 'disable'}
        title={t('twoFactor.disable')}
        intro={t('twoFactor.disableIntro')}
        submitLabel={t('twoFactor.disableSubmit')}
        danger
        onClose={() => setDialog(null)}
        onSubmit={async (currentPassword) => {
          await calls.disable(currentPassword);
          setDialog(null);
          notifyDone(t('twoFactor.disabledDone'));
          calls.changed();
        }}
      />
    </Stack>
  );
}
