import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, type HostedProduct, stateColors } from './hosted-products.ts';

/** D1: hosted products with start date and state; `actions` adds a column (the operator's buttons). */
export function HostedProductsTable({
  items,
  actions,
}: {
  items: HostedProduct[];
  actions?: (product: HostedProduct) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('hostedProducts.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label={t('hostedProducts.caption')} verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hostedProducts.name')}</Table.Th>
            <Table.Th>{t('hostedProducts.startedOn')}</Table.Th>
            <Table.Th>{t('hostedProducts.state')}</Table.Th>
            {actions && (
              <Table.Th className="sticky-actions">
                <VisuallyHidden>{t('hostedProducts.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((product) => (
            <Table.Tr key={product.id}>
              <Table.Td>
                <Text fw={500}>{product.name}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDay(product.startedOn, i18n.language)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={stateColors[product.state]}>
                  {t(`hostedProducts.states.${product.state}`)}
                </Badge>
              </Table.Td>
              {actions && <Table.Td className="sticky-actions">{actions(product)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
