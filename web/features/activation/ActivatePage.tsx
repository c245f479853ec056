import { Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSecurityQuestion } from '../../../src/shared/caller-identification.ts';
import { type ApiError, api, asApiError, client } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { useSession } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkProblem } from '../links/LinkProblem.tsx';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';
import { type ActivationCheck, ActivationProblem } from './ActivationProblem.tsx';
import { PinFields, SecurityQuestionFields, useIdentificationRules } from './IdentificationFields.tsx';

type Check =
  | { status: 'missing' }
  | { status: 'checking' }
  | { status: 'checked'; result: ActivationCheck }
  | { status: 'failed'; error: ApiError };

/** Asks once per page and token what the link is (the first look counts as "opened"). */
function useActivationCheck(token: string | null): Check {
  const [check, setCheck] = useState<Check>(token ? { status: 'checking' } : { status: 'missing' });
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    client.POST('/api/v1/activation/check', { body: { token } }).then(
      ({ data }) => {
        if (!cancelled && data) setCheck({ status: 'checked', result: data });
      },
      (error: unknown) => {
        if (!cancelled) setCheck({ status: 'failed', error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return check;
}

/** S4: the activation link's page (/activate#token=…): password, PIN and security question, then signed in. */
export function ActivatePage() {
  const { t } = useTranslation();
  const [token] = useState(takeLinkToken);
  const check = useActivationCheck(token);
  return (
    <Paper maw={560} mx="auto" p="lg" withBorder>
      <PageTitle>{t('activation.title')}</PageTitle>
      {check.status === 'checking' && <Loading label={t('links.checking')} />}
      {check.status === 'missing' && <LinkProblem missingText={t('links.missingToken')} />}
      {check.status === 'failed' && <LinkProblem error={check.error} missingText={t('links.missingToken')} />}
      {check.status === 'checked' &&
        (check.result.state === 'valid' && token ? (
          <ActivationForm token={token} check={check.result} />
        ) : (
          <ActivationProblem check={check.result} />
        ))}
    </Paper>
  );
}

function ActivationForm({ token, check }: { token: string; check: ActivationCheck }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { customerSignedIn } = useSession();
  const user = check.user;
  const passwordRules = usePasswordRules([
    user?.firstName,
    user?.lastName,
    user?.username,
    user?.email,
    user?.userNumber,
  ]);
  const rules = useIdentificationRules();
  const form = useKontorForm({
    initialValues: {
      password: '',
      passwordRepeat: '',
      pin: '',
      pinRepeat: '',
      securityQuestion: '',
      securityAnswer: '',
    },
    validate: {
      password: passwordRules.password,
      passwordRepeat: passwordRules.repeat('password'),
      pin: rules.pin,
      pinRepeat: rules.pinRepeat,
      securityQuestion: rules.question,
      securityAnswer: rules.answer,
    },
  });
  const complete = api.useMutation('post', '/api/v1/activation/complete');

  const save = form.submit(async ({ password, pin, securityQuestion, securityAnswer }) => {
    if (!isSecurityQuestion(securityQuestion)) return; // the rule has said so under the field
    const session = await complete.mutateAsync({
      body: {
        token,
        password,
        pin,
        securityQuestion,
        securityAnswer,
      },
    });
    customerSignedIn(session);
    await navigate({ to: '/account', state: { signedIn: true } });
  });

  return (
    <>
      <Text mb="md">{t('activation.intro', { account: check.accountName })}</Text>
      <Text mb="md" size="sm">
        {t('activation.keepSafe')}
      </Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={save} noValidate>
        <Stack>
          <Title order={2} size="h5">
            {t('activation.passwordSection')}
          </Title>
          <NewPasswordFields
            rules={passwordRules}
            label={t('activation.password')}
            repeatLabel={t('password.repeat')}
            password={form.getInputProps('password')}
            repeat={form.getInputProps('passwordRepeat')}
          />
          <Divider />
          <Title order={2} size="h5">
            {t('activation.identificationSection')}
          </Title>
          <Text size="sm">{t('activation.identificationHint')}</Text>
          <PinFields pin={form.getInputProps('pin')} repeat={form.getInputProps('pinRepeat')} />
          <SecurityQuestionFields
            question={form.getInputProps('securityQuestion')}
            answer={form.getInputProps('securityAnswer')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('activation.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
