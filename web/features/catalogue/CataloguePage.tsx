import { Anchor, Badge, Button, EmptyState, Group, Modal, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { isLocale } from '../../i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { formatMoney, formatVatRate } from './money.ts';
import { ServiceForm } from './ServiceForm.tsx';

/** P4, D1: the operators' catalogue of online services with the price that holds now. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'de';
  const navigate = useNavigate();
  const { data, error, isPending } = api.useQuery('get', '/api/v1/operator/services');
  const [creating, setCreating] = useState(false);
  const focus = useReturnFocus();
  const mayChange = useOperatorRole()('billing');

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('catalogue.title')}</PageTitle>
        {mayChange && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => {
              focus.remember();
              setCreating(true);
            }}
          >
            {t('catalogue.new')}
          </Button>
        )}
      </Group>
      <Text mb="md">{t('catalogue.intro')}</Text>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && (
        <EmptyState withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('catalogue.emptyTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('catalogue.emptyDescription')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('catalogue.caption')} highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.name')}</Table.Th>
                <Table.Th>{t('catalogue.code')}</Table.Th>
                <Table.Th>{t('catalogue.unit')}</Table.Th>
                <Table.Th>{t('catalogue.priceNow')}</Table.Th>
                <Table.Th>{t('catalogue.adapter')}</Table.Th>
                <Table.Th>{t('catalogue.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((service) => (
                <Table.Tr
                  key={service.id}
                  onClick={() => void navigate({ to: '/operator/services/$id', params: { id: service.id } })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/operator/services/$id" params={{ id: service.id }} />
                      )}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {service.names[locale]}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{service.code}</Table.Td>
                  <Table.Td>{t(`catalogue.units.${service.unit}`)}</Table.Td>
                  <Table.Td>
                    {service.currentPrice ? (
                      <Text size="sm">
                        {t('catalogue.priceValue', {
                          net: formatMoney(service.currentPrice.netCents, locale),
                          vat: formatVatRate(service.currentPrice.vatRateBp, locale),
                        })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('catalogue.noPrice')}
                      </Text>
                    )}
                    {service.nextPrice && (
                      <Text size="xs" c="dimmed">
                        {t('catalogue.nextPrice', {
                          net: formatMoney(service.nextPrice.netCents, locale),
                          from: formatDateTime(service.nextPrice.validFrom, locale),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`catalogue.adapters.${service.adapter}`)}</Table.Td>
                  <Table.Td>
                    <ServiceStatusBadge active={service.active} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={t('catalogue.new')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="xl"
      >
        {creating && (
          <ServiceForm
            onCancel={() => setCreating(false)}
            onDone={(created) => {
              setCreating(false);
              void navigate({
                to: '/operator/services/$id',
                params: { id: created.id },
                state: { created: true },
              });
            }}
          />
        )}
      </Modal>
    </>
  );
}

export function ServiceStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light">
      {t(active ? 'catalogue.active' : 'catalogue.inactive')}
    </Badge>
  );
}
