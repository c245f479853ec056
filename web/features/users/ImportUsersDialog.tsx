import { Alert, Badge, Button, Group, Input, List, Modal, Table, Text } from '@mantine/core';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Salutation } from '../../../src/shared/names.ts';
import { api, asApiError } from '../../app/api.ts';
import { type Role, useSession } from '../../app/session.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { usersPath } from './users-types.ts';

interface ImportRow {
  line: number;
  status: 'new' | 'exists' | 'invalid';
  username: string;
  salutation: Salutation | null;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  role: Role;
  errors: { field: string; code: string; message: string }[];
}

/** POST …/users/import: the preview (confirm: false) or the result (confirm: true). */
interface ImportResult {
  rows: ImportRow[];
  seats: { used: number; limit: number };
  created: number;
}

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
  onImported,
  onClose,
}: {
  opened: boolean;
  accountId: string;
  onImported: (created: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const fileId = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; extra: string[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);

  const reset = () => {
    setCsv(null);
    setPreview(null);
    setError(null);
  };

  const send = async (text: string, confirm: boolean) => {
    setBusy(confirm ? 'import' : 'preview');
    setError(null);
    try {
      const result = await api.post<ImportResult>(`${usersPath(accountId)}/import`, { csv: text, confirm });
      if (confirm) return onImported(result.created);
      setPreview(result);
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.status === 401) return signedOut();
      const extra =
        apiError.code === 'VALIDATION_FAILED'
          ? apiError.details.map((detail) => `${detail.field}: ${detail.message ?? detail.code}`)
          : [];
      setError({ message: apiError.message, extra });
      setAttempt((count) => count + 1);
    } finally {
      setBusy(null);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    reset();
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    await send(text, false);
  };

  const fieldLabel = (field: string) => {
    const key = fieldLabels[field];
    return key ? t(key as 'users.username') : field;
  };
  const rows = preview?.rows ?? [];
  const count = (status: ImportRow['status']) => rows.filter((row) => row.status === status).length;
  const newRows = count('new');
  const invalidRows = count('invalid');
  const canImport = csv !== null && newRows > 0 && invalidRows === 0;

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      onExitTransitionEnd={reset}
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
      <Input.Wrapper
        id={fileId}
        label={t('usersImport.file')}
        description={t('usersImport.fileHint')}
        mb="md"
      >
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={choose}
          disabled={busy !== null}
          style={{ display: 'block', marginTop: 4 }}
        />
      </Input.Wrapper>
      <ErrorAlert key={attempt} message={error?.message} extra={error?.extra} />
      {busy === 'preview' && <Loading label={t('usersImport.checking')} />}
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
        <Button variant="default" onClick={onClose} disabled={busy !== null}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={() => (csv !== null ? send(csv, true) : undefined)}
          disabled={!canImport || busy === 'preview'}
          loading={busy === 'import'}
        >
          {t('usersImport.submit', { count: newRows })}
        </Button>
      </Group>
    </Modal>
  );
}
