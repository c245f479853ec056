import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NotificationCategory } from '../../../src/shared/notification-categories.ts';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { CategoryChoice } from './CategoryChoice.tsx';

/** C2: the e-mails a member receives from the account they act in, chosen by themselves. */
export function MyNotificationsPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const path = { accountId: account.id };
  const mine = api.useQuery('get', '/api/v1/accounts/{accountId}/my-notifications', { params: { path } });
  return (
    <>
      <PageTitle>{t('notifications.myTitle')}</PageTitle>
      <Text c="dimmed" size="sm" mb="md">
        {t('notifications.myIntro', { companyName: account.name })}
      </Text>
      <ErrorAlert message={mine.error?.message} />
      {mine.isPending && <Loading label={t('notifications.loading')} />}
      {mine.data?.primary && (
        <Alert variant="light" mb="md">
          {t('notifications.primaryHint')}
        </Alert>
      )}
      {mine.data && !mine.data.primary && <MyCategoriesForm categories={mine.data.categories} />}
    </>
  );
}

function MyCategoriesForm({ categories }: { categories: NotificationCategory[] }) {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/my-notifications');
  const form = useKontorForm<{ categories: NotificationCategory[] }>({ initialValues: { categories } });
  const send = async (values: { categories: NotificationCategory[] }) => {
    const saved = await save.mutateAsync({ params: { path: { accountId: account.id } }, body: values });
    queryClient.setQueryData(
      [
        'get',
        '/api/v1/accounts/{accountId}/my-notifications',
        { params: { path: { accountId: account.id } } },
      ],
      saved,
    );
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/notifications'] });
    notifyDone(t('notifications.mySaved'));
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <CategoryChoice label={t('notifications.myCategories')} {...form.getInputProps('categories')} />
      <Group mt="lg">
        <Button type="submit" loading={save.isPending}>
          {t('notifications.mySave')}
        </Button>
      </Group>
    </form>
  );
}
