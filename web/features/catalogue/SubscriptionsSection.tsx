import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { formatMoney, formatVatRate } from './money.ts';
import { SubscribeDialog } from './SubscribeDialog.tsx';
import { type Subscription, type SubscriptionsSource, subscriptionsChanged } from './subscriptions.ts';

/**
 * P4, P5: an account's subscriptions with the service's price now and for whom; with `canChange` (owner and
 * admins, operators) booking and ending. The customer area and the operator's account page both show it.
 */
export function SubscriptionsSection({
  source,
  canChange,
  caption,
  timeZone,
}: {
  source: SubscriptionsSource;
  canChange: boolean;
  caption: string;
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const queryClient = useQueryClient();
  const path = { params: { path: { accountId: source.accountId } } };
  const member = api.useQuery('get', '/api/v1/accounts/{accountId}/subscriptions', path, {
    enabled: !source.operator,
  });
  const operator = api.useQuery('get', '/api/v1/operator/accounts/{accountId}/subscriptions', path, {
    enabled: source.operator === true,
  });
  const { data, error, isPending } = source.operator ? operator : member;
  const memberEnd = api.useMutation(
    'post',
    '/api/v1/accounts/{accountId}/subscriptions/{subscriptionId}/end',
  );
  const operatorEnd = api.useMutation(
    'post',
    '/api/v1/operator/accounts/{accountId}/subscriptions/{subscriptionId}/end',
  );
  const [booking, setBooking] = useState(false);
  const [ending, setEnding] = useState<Subscription | null>(null);
  const shownEnding = useRetained(ending);
  const focus = useReturnFocus();

  const confirmEnd = async () => {
    if (!ending) return;
    const request = { params: { path: { accountId: source.accountId, subscriptionId: ending.id } } };
    await (source.operator ? operatorEnd : memberEnd).mutateAsync(request);
    await subscriptionsChanged(queryClient);
    notifyDone(t('products.endedNotice', { name: ending.service.name }));
    setEnding(null);
  };
  const whom = (subscription: Subscription) =>
    subscription.user
      ? t('products.forUser', { name: subscription.user.name, userNumber: subscription.user.userNumber })
      : t('products.wholeAccount');

  return (
    <Stack gap="md">
      {canChange && (
        <Group>
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => {
              focus.remember();
              setBooking(true);
            }}
          >
            {t('products.subscribe')}
          </Button>
        </Group>
      )}
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t('products.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={caption} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.service')}</Table.Th>
                <Table.Th>{t('products.net')}</Table.Th>
                <Table.Th>{t('products.vat')}</Table.Th>
                <Table.Th>{t('products.gross')}</Table.Th>
                <Table.Th>{t('products.forWhom')}</Table.Th>
                <Table.Th>{t('products.since')}</Table.Th>
                {canChange && (
                  <Table.Th className="sticky-actions">
                    <VisuallyHidden>{t('products.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((subscription) => {
                const { price } = subscription.service;
                return (
                  <Table.Tr key={subscription.id}>
                    <Table.Td>
                      <Text fw={500}>{subscription.service.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`catalogue.units.${subscription.service.unit}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {price ? (
                        t('products.perUnit', {
                          price: formatMoney(price.netCents, locale),
                          unit: t(`catalogue.perUnit.${subscription.service.unit}`),
                        })
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('catalogue.noPrice')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{price ? formatVatRate(price.vatRateBp, locale) : ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {price ? formatMoney(price.grossCents, locale) : ''}
                    </Table.Td>
                    <Table.Td>{whom(subscription)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(subscription.startedAt, locale, timeZone)}</Text>
                      {subscription.endedAt && (
                        <Badge color="gray" variant="light" mt={4}>
                          {t('products.endedOn', {
                            date: formatDateTime(subscription.endedAt, locale, timeZone),
                          })}
                        </Badge>
                      )}
                    </Table.Td>
                    {canChange && (
                      <Table.Td className="sticky-actions">
                        {!subscription.endedAt && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            aria-label={t('products.endFor', {
                              name: subscription.service.name,
                              whom: whom(subscription),
                            })}
                            onClick={() => {
                              focus.remember();
                              setEnding(subscription);
                            }}
                          >
                            {t('products.end')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canChange && (
        <SubscribeDialog
          source={source}
          opened={booking}
          onClose={() => setBooking(false)}
          onExitTransitionEnd={focus.returnFocus}
        />
      )}
      <ConfirmDialog
        opened={ending !== null}
        title={t('products.endTitle', { name: shownEnding?.service.name ?? '' })}
        confirmLabel={t('products.end')}
        danger
        onConfirm={confirmEnd}
        onClose={() => setEnding(null)}
        onExitTransitionEnd={focus.returnFocus}
      >
        {t('products.endConfirm', { whom: shownEnding ? whom(shownEnding) : '' })}
      </ConfirmDialog>
    </Stack>
  );
}
