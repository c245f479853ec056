import { Button, Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page numbers for a list whose total is known; nothing when everything fits on one page. */
export function Paging({
  page,
  total,
  pageSize,
  onChange,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('paging.pages')}>
      <Pagination
        mt="md"
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getItemProps={(item) => ({ 'aria-label': t('paging.page', { page: item }) })}
        getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
      />
    </nav>
  );
}

/** Previous and next for a list without a total (the audit log): "next" ends on a short page. */
export function PrevNextPaging({
  page,
  hasNext,
  onChange,
}: {
  page: number;
  hasNext: boolean;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <Group component="nav" aria-label={t('paging.pages')} mt="md" gap="sm">
      <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('paging.previous')}
      </Button>
      <Text size="sm" aria-current="page">
        {t('paging.page', { page })}
      </Text>
      <Button variant="default" size="xs" disabled={!hasNext} onClick={() => onChange(page + 1)}>
        {t('paging.next')}
      </Button>
    </Group>
  );
}
