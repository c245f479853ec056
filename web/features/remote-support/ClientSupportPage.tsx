// R2 for the client, on a public page: the connection check, then the number and a name; the host admits
// or rejects, and the session runs here. No account is needed and nothing is installed.
import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remoteSupportClientRoute } from '../../app/router.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ConnectionCheck } from './ConnectionCheck.tsx';
import { RemoteSession, useRemoteSession } from './remote-session.ts';
import { clientSocketUrl } from './remote-support-api.ts';
import { SessionScreen } from './SessionScreen.tsx';

interface Join {
  number: string;
  name: string;
}

export function ClientSupportPage() {
  const { t } = useTranslation();
  const required = useRequired();
  const { number: offered } = remoteSupportClientRoute.useSearch();
  const [join, setJoin] = useState<Join | null>(null);
  const open = useCallback(() => RemoteSession.client(clientSocketUrl(), join as Join), [join]);
  const { session, snapshot } = useRemoteSession(join ? open : null);
  const form = useKontorForm<{ number: string; name: string }>({
    initialValues: { number: offered ?? '', name: '' },
    validate: {
      number: (value) =>
        /^\d{6}$/.test(value.replace(/\s/g, '')) ? null : t('remoteSupport.client.numberFormat'),
      name: required,
    },
  });
  const phase = snapshot?.phase;
  const refusal = phase === 'refused' ? (snapshot?.error?.message ?? '') : null;
  const { setFieldError, fail } = form;

  // A refused number (wrong, expired, too many attempts) is said at the number field, in the server's words.
  useEffect(() => {
    if (refusal === null) return;
    setFieldError('number', refusal);
    fail(t('errors.checkFields'));
    setJoin(null);
  }, [refusal, setFieldError, fail, t]);

  const again = () => setJoin(null);
  const joining = join !== null && (!phase || phase === 'connecting' || phase === 'joining');
  const inSession =
    snapshot &&
    session &&
    (phase === 'active' || phase === 'ended' || (phase === 'lost' && snapshot.session));

  return (
    <>
      <PageTitle>{t('remoteSupport.title')}</PageTitle>
      {inSession ? (
        <SessionScreen
          snapshot={snapshot}
          session={session}
          afterEnd={
            <Button variant="default" onClick={again}>
              {t('remoteSupport.client.again')}
            </Button>
          }
        />
      ) : phase === 'waiting' ? (
        <Card withBorder maw={640}>
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('remoteSupport.client.waiting')}</Text>
          </Group>
          <Button variant="default" mt="md" onClick={again}>
            {t('remoteSupport.client.cancelWaiting')}
          </Button>
        </Card>
      ) : phase === 'rejected' || phase === 'lost' ? (
        <Stack maw={640} align="flex-start">
          {phase === 'rejected' ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('remoteSupport.client.rejected')}
            </Alert>
          ) : (
            <ErrorAlert message={t('remoteSupport.session.lost')} />
          )}
          <Button onClick={again}>{t('remoteSupport.client.again')}</Button>
        </Stack>
      ) : (
        <>
          <Text mb="md" maw={640}>
            {t('remoteSupport.client.intro')}
          </Text>
          <ConnectionCheck />
          <Card withBorder maw={640}>
            <form
              ref={form.formRef}
              noValidate
              onSubmit={form.submit(({ number, name }) => {
                setJoin({ number: number.replace(/\s/g, ''), name: name.trim() });
              })}
            >
              <FormErrorAlert alert={form.alert} />
              <Stack>
                <TextInput
                  label={t('remoteSupport.number')}
                  description={t('remoteSupport.client.numberHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={12}
                  required
                  {...form.getInputProps('number')}
                  key={form.key('number')}
                />
                <TextInput
                  label={t('remoteSupport.client.name')}
                  autoComplete="name"
                  maxLength={100}
                  required
                  {...form.getInputProps('name')}
                  key={form.key('name')}
                />
                <Button type="submit" loading={joining} style={{ alignSelf: 'flex-start' }}>
                  {t('remoteSupport.client.join')}
                </Button>
              </Stack>
            </form>
          </Card>
        </>
      )}
    </>
  );
}
