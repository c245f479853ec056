import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ClientForm } from './ClientForm.tsx';
import {
  type ExpressSetup,
  useExpressSetup,
  useExpressSetupChanged,
  type WizardStep,
} from './express-setup-data.ts';
import { GreetingForm } from './GreetingForm.tsx';
import { MyInformationForm } from './MyInformationForm.tsx';
import { OperatorForm } from './OperatorForm.tsx';
import { PhonesSection } from './PhonesSection.tsx';

/** T1: everything the express setup sets, one section per step, and the way to run the wizard again. */
export function ExpressSetupSettingsPage() {
  const { t } = useTranslation();
  const accountId = useCustomer().account.id;
  const { data, error, isPending } = useExpressSetup(accountId);
  return (
    <>
      <PageTitle>{t('expressSetup.settingsTitle')}</PageTitle>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && <Sections setup={data} accountId={accountId} />}
    </>
  );
}

function Section({ step, children }: { step: WizardStep; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby={`settings-${step}`}>
      <Title order={2} size="h3" id={`settings-${step}`} mb="sm">
        {t(`expressSetup.steps.${step}`)}
      </Title>
      {children}
    </Card>
  );
}

function Sections({ setup, accountId }: { setup: ExpressSetup; accountId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const changed = useExpressSetupChanged();
  const restart = api.useMutation('put', '/api/v1/accounts/{accountId}/express-setup/progress');
  const mayEditAccount = can('account.edit');
  const saved = (step: WizardStep) => () =>
    notifyDone(t('expressSetup.saved', { step: t(`expressSetup.steps.${step}`) }));
  const common = { setup, accountId, submitLabel: t('expressSetup.save') };

  const runAgain = async () => {
    await restart.mutateAsync({
      params: { path: { accountId } },
      body: { step: 'companyGreeting', state: 'open' },
    });
    await changed();
    await navigate({ to: '/account/express-setup/wizard' });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text>{t('expressSetup.settingsIntro')}</Text>
        {mayEditAccount && (
          <Button variant="light" onClick={runAgain} loading={restart.isPending}>
            {t('expressSetup.runAgain')}
          </Button>
        )}
      </Group>
      {!mayEditAccount && <Text c="dimmed">{t('expressSetup.accountWideReadOnly')}</Text>}
      <Section step="companyGreeting">
        <GreetingForm
          kind="company"
          {...common}
          readOnly={!mayEditAccount}
          onSaved={saved('companyGreeting')}
        />
      </Section>
      <Section step="operator">
        <OperatorForm {...common} readOnly={!mayEditAccount} onSaved={saved('operator')} />
      </Section>
      <Section step="myInformation">
        <MyInformationForm {...common} onSaved={saved('myInformation')} />
      </Section>
      <Section step="phones">
        <PhonesSection setup={setup} accountId={accountId} />
      </Section>
      <Section step="voicemail">
        <GreetingForm kind="voicemail" {...common} onSaved={saved('voicemail')} />
      </Section>
      <Section step="client">
        <ClientForm {...common} onSaved={saved('client')} />
      </Section>
    </Stack>
  );
}
