// R1: the host starts a session in Support or Show mode and finds its recent sessions and their logs.
import { Button, Card, Radio, Stack, Text } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type SupportMode,
  supportModes,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RecentSessions } from './RecentSessions.tsx';
import { createSession, type HostArea, sessionsKey } from './remote-support-api.ts';

export function RemoteSupportPage({ area }: { area: HostArea }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useKontorForm<{ mode: SupportMode }>({ initialValues: { mode: 'support' } });
  const start = form.submit(async ({ mode }) => {
    const created = await createSession(area, mode);
    void queryClient.invalidateQueries({ queryKey: sessionsKey(area) });
    const state = { remoteSupportLink: created.link };
    await (area.kind === 'operator'
      ? navigate({ to: '/operator/remote-support/$id', params: { id: created.id }, state })
      : navigate({ to: '/account/remote-support/$id', params: { id: created.id }, state }));
  });
  return (
    <>
      <PageTitle>{t('remoteSupport.title')}</PageTitle>
      <Text mb="md">{t('remoteSupport.start.intro')}</Text>
      <Card withBorder mb="xl" maw={640}>
        <form ref={form.formRef} onSubmit={start} noValidate>
          <FormErrorAlert alert={form.alert} />
          <Stack>
            <Radio.Group label={t('remoteSupport.start.modeLabel')} {...form.getInputProps('mode')}>
              <Stack mt="xs" gap="sm">
                {supportModes.map((mode) => (
                  <Radio
                    key={mode}
                    value={mode}
                    label={t(`remoteSupport.modes.${mode}`)}
                    description={t(`remoteSupport.modeHints.${mode}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Button
              type="submit"
              loading={form.submitting}
              leftSection={<IconHeadset size={18} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('remoteSupport.start.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <RecentSessions area={area} />
    </>
  );
}

export const OperatorRemoteSupportPage = () => <RemoteSupportPage area={{ kind: 'operator' }} />;

export function AccountRemoteSupportPage() {
  const { account } = useCustomer();
  return <RemoteSupportPage area={{ kind: 'account', accountId: account.id }} />;
}
