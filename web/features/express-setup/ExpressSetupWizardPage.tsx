import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ClientForm } from './ClientForm.tsx';
import { ExpressSetupSummary } from './ExpressSetupSummary.tsx';
import {
  type ExpressSetup,
  useExpressSetup,
  useExpressSetupChanged,
  type WizardStep,
  wizardSteps,
} from './express-setup-data.ts';
import { GreetingForm } from './GreetingForm.tsx';
import { MyInformationForm } from './MyInformationForm.tsx';
import { OperatorForm } from './OperatorForm.tsx';
import { PhonesSection } from './PhonesSection.tsx';
import type { StepFormProps } from './StepActions.tsx';

/** T1: the express setup after the first sign-in. Each Next saves its step; the step reached is kept on the
 * server at every Next, Skip and Back, so the wizard opens where it was left. */
export function ExpressSetupWizardPage() {
  const { t } = useTranslation();
  const accountId = useCustomer().account.id;
  const can = useCan();
  const { data, error, isPending } = useExpressSetup(accountId);
  if (!can('account.edit')) {
    return (
      <>
        <PageTitle>{t('expressSetup.wizardTitle')}</PageTitle>
        <Alert color="blue">{t('expressSetup.wizardAccountEditOnly')}</Alert>
        <Button component={Link} to="/account/express-setup" mt="md">
          {t('expressSetup.toSettings')}
        </Button>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('expressSetup.wizardTitle')}</PageTitle>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && <Wizard setup={data} accountId={accountId} />}
    </>
  );
}

function Wizard({ setup, accountId }: { setup: ExpressSetup; accountId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useExpressSetupChanged();
  const move = api.useMutation('put', '/api/v1/accounts/{accountId}/express-setup/progress');
  const [active, setActive] = useState(() => wizardSteps.indexOf(setup.progress.step));
  const step = wizardSteps[active] ?? 'companyGreeting';
  const last = wizardSteps.length - 1;

  const goTo = async (index: number, state: 'open' | 'finished' | 'dismissed' = 'open') => {
    const target = wizardSteps[index] ?? 'companyGreeting';
    await move.mutateAsync({
      params: { path: { accountId } },
      body: { step: target, state: target === 'done' ? 'finished' : state },
    });
    await changed();
    setActive(index);
  };
  const next = () => goTo(Math.min(active + 1, last));
  const later = async () => {
    await move.mutateAsync({ params: { path: { accountId } }, body: { step, state: 'dismissed' } });
    await changed();
    await navigate({ to: '/account' });
  };

  // A step's heading takes focus when the step changes, so a screen reader announces where one is.
  useEffect(() => {
    if (active > 0 || setup.progress.step !== 'companyGreeting') {
      document.getElementById(`express-step-${wizardSteps[active]}`)?.focus();
    }
  }, [active, setup.progress.step]);

  const actions = (
    <>
      <Button variant="default" onClick={() => goTo(active - 1)} disabled={active === 0}>
        {t('expressSetup.back')}
      </Button>
      <Button variant="subtle" onClick={next}>
        {t('expressSetup.skip')}
      </Button>
    </>
  );
  const props: StepFormProps = {
    setup,
    accountId,
    onSaved: next,
    submitLabel: t('expressSetup.next'),
    actions,
  };
  const content: Record<WizardStep, React.ReactNode> = {
    companyGreeting: <GreetingForm kind="company" {...props} />,
    operator: <OperatorForm {...props} />,
    myInformation: <MyInformationForm {...props} />,
    phones: (
      <>
        <PhonesSection setup={setup} accountId={accountId} />
        <Group justify="flex-end" mt="md">
          {actions}
          <Button onClick={next}>{t('expressSetup.next')}</Button>
        </Group>
      </>
    ),
    voicemail: <GreetingForm kind="voicemail" {...props} />,
    client: <ClientForm {...props} />,
    done: (
      <Stack>
        <Text>{t('expressSetup.done.intro')}</Text>
        <ExpressSetupSummary setup={setup} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => goTo(active - 1)}>
            {t('expressSetup.back')}
          </Button>
          <Button component={Link} to="/account">
            {t('expressSetup.done.toAccount')}
          </Button>
        </Group>
      </Stack>
    ),
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t('expressSetup.wizardIntro')}</Text>
        {step !== 'done' && (
          <Button variant="subtle" onClick={later}>
            {t('expressSetup.later')}
          </Button>
        )}
      </Group>
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        {wizardSteps.map((name) => (
          <Stepper.Step key={name} label={t(`expressSetup.steps.${name}`)}>
            <Stack mt="md">
              <Title order={2} id={`express-step-${name}`} tabIndex={-1}>
                {t(`expressSetup.steps.${name}`)}
              </Title>
              {name === step && content[name]}
            </Stack>
          </Stepper.Step>
        ))}
      </Stepper>
    </Stack>
  );
}
