import {
  Alert,
  Anchor,
  Badge,
  Button,
  DataList,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  useMatches,
} from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { serviceDetailRoute } from '../../app/router.tsx';
import { isLocale, localeNames } from '../../i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { ServiceStatusBadge } from './CataloguePage.tsx';
import { formatMoney, formatVatRate } from './money.ts';
import { PriceForm } from './PriceForm.tsx';
import { ServiceForm } from './ServiceForm.tsx';

/** One service of the catalogue: its data, changes, and its prices over time (added, never changed). */
export function ServicePage() {
  const { id } = serviceDetailRoute.useParams();
  return <ServiceDetail key={id} id={id} />;
}

function ServiceDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'de';
  const created = useRouterState({ select: (state) => state.location.state.created === true });
  const { data, error, isPending } = api.useQuery('get', '/api/v1/operator/services/{serviceId}', {
    params: { path: { serviceId: id } },
  });
  const [dialog, setDialog] = useState<'edit' | 'price' | null>(null);
  const [createdShown, setCreatedShown] = useState(created);
  const focus = useReturnFocus();
  const orientation = useMatches({ base: 'vertical', xs: 'horizontal' } as const, {
    getInitialValueInEffect: false,
  });
  const open = (next: 'edit' | 'price') => {
    focus.remember();
    setCreatedShown(false);
    setDialog(next);
  };
  const now = new Date().toISOString();
  const current = data?.currentPrice?.id;

  return (
    <>
      <Anchor component={Link} to="/operator/services" size="sm">
        {t('catalogue.back')}
      </Anchor>
      <PageTitle>{data?.names[locale] ?? t('catalogue.service')}</PageTitle>
      {createdShown && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('catalogue.createdNotice')}
        </Alert>
      )}
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && (
        <Stack gap="xl">
          <Group gap="sm">
            <ServiceStatusBadge active={data.active} />
            <Button variant="default" onClick={() => open('edit')}>
              {t('catalogue.edit')}
            </Button>
            <Button onClick={() => open('price')}>{t('catalogue.addPrice')}</Button>
          </Group>
          <DataList labelWidth={200} orientation={orientation} withDivider>
            <Item label={t('catalogue.code')}>
              <Text ff="monospace">{data.code}</Text>
            </Item>
            {(['de', 'en', 'hu'] as const).map((name) => (
              <Item key={name} label={t('catalogue.nameIn', { language: localeNames[name] })}>
                <Text lang={name}>{data.names[name]}</Text>
              </Item>
            ))}
            <Item label={t('catalogue.unit')}>{t(`catalogue.units.${data.unit}`)}</Item>
            <Item label={t('catalogue.adapter')}>{t(`catalogue.adapters.${data.adapter}`)}</Item>
            {data.providerUrl && (
              <Item label={t('catalogue.providerUrl')}>
                <Text ff="monospace">{data.providerUrl}</Text>
              </Item>
            )}
          </DataList>
          <section aria-labelledby="prices-title">
            <Title order={2} size="h4" id="prices-title" mb="xs">
              {t('catalogue.prices')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('catalogue.pricesHint')}
            </Text>
            {data.prices.length === 0 ? (
              <Text c="dimmed">{t('catalogue.noPrice')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table aria-labelledby="prices-title" verticalSpacing="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('catalogue.validFrom')}</Table.Th>
                      <Table.Th>{t('catalogue.net')}</Table.Th>
                      <Table.Th>{t('catalogue.vatRate')}</Table.Th>
                      <Table.Th>{t('catalogue.gross')}</Table.Th>
                      <Table.Th>{t('catalogue.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.prices.map((price) => (
                      <Table.Tr key={price.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(price.validFrom, locale)}
                        </Table.Td>
                        <Table.Td>{formatMoney(price.netCents, locale)}</Table.Td>
                        <Table.Td>{formatVatRate(price.vatRateBp, locale)}</Table.Td>
                        <Table.Td>{formatMoney(price.grossCents, locale)}</Table.Td>
                        <Table.Td>
                          {price.id === current ? (
                            <Badge color="green" variant="light">
                              {t('catalogue.priceCurrent')}
                            </Badge>
                          ) : price.validFrom > now ? (
                            <Badge color="blue" variant="light">
                              {t('catalogue.priceUpcoming')}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('catalogue.pricePast')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        </Stack>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={t(dialog === 'price' ? 'catalogue.addPrice' : 'catalogue.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size={dialog === 'price' ? 'md' : 'xl'}
      >
        {data && dialog === 'edit' && (
          <ServiceForm
            service={data}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notifyDone(t('catalogue.savedNotice'));
            }}
          />
        )}
        {data && dialog === 'price' && (
          <PriceForm
            serviceId={data.id}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notifyDone(t('catalogue.priceAddedNotice'));
            }}
          />
        )}
      </Modal>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
