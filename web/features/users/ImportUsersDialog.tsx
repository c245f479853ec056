import { Alert, Badge, Button, Group, Input, List, Modal, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { displayName } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { usersChanged } from './users-changed.ts';

/** POST …/users/import: the preview (confirm: false) or the result (confirm: true). */
type ImportResult = ApiResult<'/api/v1/accounts/{accountId}/users/import', 'post'>;
type ImportRow = ImportResult['rows'][number];

const statusColors = { new: 'green', exists: 'gray', invalid: 'red' } as const;

// The server's messages for a row are partly sentence fragments ("is required"); the column's label leads them.
const fieldLabels: Record<string, string> = {
  username: 'users.username',
  salutation: 'users.salutation',
  title: 'users.personTitle',
  firstName: 'users.firstName',
  lastName: 'users.lastName',
  email: 'users.email',
  role: 'usersImport.role',
};

/** U8: the admin picks a CSV file, sees what would happen to each row, and imports all new rows at once. */
export function ImportUsersDialog({
  opened,
  accountId,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  accountId: string;
  /** Cancelled, or done: the import has been announced by then. */
  onClose: () => void;
  /** When the dialog is gone: where focus goes back to. */
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  // The chosen file's text is the form's one value; a server detail about "csv" shows under the file field.
  const form = useKontorForm({ initialValues: { csv: '' } });
  const check = api.useMutation('post', '/api/v1/accounts/{accountId}/users/import');
  const confirm = api.useMutation('post', '/api/v1/accounts/{accountId}/users/import');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const params = { path: { accountId } };
  const busy = check.isPending || form.submitting;

  const reset = () => {
    form.reset();
    form.clearAlert();
    setPreview(null);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    reset();
    if (!file) return;
    const csv = await file.text();
    form.setFieldValue('csv', csv);
    try {
      setPreview(await check.mutateAsync({ params, body: { csv, confirm: false } }));
    } catch (error) {
      form.showApiError(error);
    }
  };

  const importRows = form.submit(async ({ csv }) => {
    const { created } = await confirm.mutateAsync({ params, body: { csv, confirm: true } });
    void usersChanged(queryClient);
    notifyDone(t('usersImport.done', { count: created }));
    onClose();
  });

  const fieldLabel = (field: string) => {
    const key = fieldLabels[field];
    return key ? t(key as 'users.username') : field;
  };
  const rows = preview?.rows ?? [];
  const count = (status: ImportRow['status']) => rows.filter((row) => row.status === status).length;
  const newRows = count('new');
  const invalidRows = count('invalid');
  const canImport = preview !== null && newRows > 0 && invalidRows === 0;
  const fileError = form.errors.csv;

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      returnFocus={false}
      onExitTransitionEnd={() => {
        reset();
        onExitTransitionEnd();
      }}
      title={t('usersImport.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      size="xl"
    >
      <Text size="sm" mb="xs">
        {t('usersImport.columnsHelp')}
      </Text>
      <Text size="sm" mb="md">
        {t('usersImport.confirmHelp')}
      </Text>
      <form ref={form.formRef} onSubmit={importRows} noValidate>
        <Input.Wrapper
          id={fileId}
          label={t('usersImport.file')}
          description={t('usersImport.fileHint')}
          error={fileError}
          mb="md"
        >
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={choose}
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ''}`}
            style={{ display: 'block', marginTop: 4 }}
          />
        </Input.Wrapper>
        <FormErrorAlert alert={form.alert} />
        {check.isPending && <Loading label={t('usersImport.checking')} />}
        {preview && (
          <>
            <Alert color={invalidRows > 0 ? 'red' : 'blue'} variant="light" mb="md">
              {t('usersImport.summary', {
                newRows,
                existing: count('exists'),
                invalid: invalidRows,
                used: preview.seats.used,
                limit: preview.seats.limit,
              })}
              {invalidRows > 0 && (
                <Text size="sm" mt="xs">
                  {t('usersImport.fixFirst')}
                </Text>
              )}
            </Alert>
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t('usersImport.caption')} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('usersImport.line')}</Table.Th>
                    <Table.Th>{t('users.name')}</Table.Th>
                    <Table.Th>{t('users.username')}</Table.Th>
                    <Table.Th>{t('users.email')}</Table.Th>
                    <Table.Th>{t('usersImport.role')}</Table.Th>
                    <Table.Th>{t('usersImport.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{displayName(row)}</Table.Td>
                      <Table.Td>{row.username}</Table.Td>
                      <Table.Td>{row.email ?? ''}</Table.Td>
                      <Table.Td>{t(`roles.${row.role}`)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={statusColors[row.status]}>
                          {t(`usersImport.statuses.${row.status}`)}
                        </Badge>
                        {row.errors.length > 0 && (
                          <List size="sm" mt={4} c="red.8">
                            {row.errors.map((problem) => (
                              <List.Item key={`${problem.field}-${problem.code}`}>
                                {`${fieldLabel(problem.field)}: ${problem.message}`}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!canImport || check.isPending} loading={form.submitting}>
            {t('usersImport.submit', { count: newRows })}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
