import { Anchor, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** T2: the company directory, for everyone in the account: main and fax number, then every user's numbers. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/accounts/{accountId}/directory',
    { params: { path: { accountId: account.id }, query: q ? { q } : {} } },
    { placeholderData: keepPreviousData },
  );
  const block = data?.block;

  return (
    <>
      <PageTitle>{t('directory.title')}</PageTitle>
      <Text mb="md">{t('directory.intro')}</Text>
      {block && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} mb="lg" maw={640}>
          <CompanyNumber
            label={t('directory.mainNumber')}
            number={block.mainNumber}
            shown={block.mainNumberFormatted}
          />
          {block.faxNumber && block.faxNumberFormatted && (
            <CompanyNumber
              label={t('directory.faxNumber')}
              number={block.faxNumber}
              shown={block.faxNumberFormatted}
            />
          )}
        </SimpleGrid>
      )}
      {data && !block && (
        <Text c="dimmed" mb="md">
          {t('directory.noBlock')}
        </Text>
      )}
      <TextInput
        type="search"
        label={t('directory.search')}
        description={t('directory.searchHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t('directory.noMatch')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('directory.caption')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.name')}</Table.Th>
                <Table.Th>{t('directory.extension')}</Table.Th>
                <Table.Th>{t('directory.directDial')}</Table.Th>
                <Table.Th>{t('directory.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <Table.Tr key={entry.userId}>
                  <Table.Td>{entry.name}</Table.Td>
                  <Table.Td ff="monospace">{entry.extension ?? <Missing />}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {entry.directDial ? (
                      <Anchor href={`tel:${entry.directDial}`} ff="monospace">
                        {entry.directDialFormatted}
                      </Anchor>
                    ) : (
                      <Missing />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.email ? (
                      <Anchor href={`mailto:${entry.email}`}>{entry.email}</Anchor>
                    ) : (
                      <Missing />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

function CompanyNumber({ label, number, shown }: { label: string; number: string; shown: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Anchor href={`tel:${number}`} ff="monospace" size="lg">
        {shown}
      </Anchor>
    </Paper>
  );
}

function Missing() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" size="sm">
      {t('directory.none')}
    </Text>
  );
}
