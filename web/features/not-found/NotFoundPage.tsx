import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="md">{t('notFound.text')}</Text>
      <Anchor component={Link} href="/">
        {t('notFound.home')}
      </Anchor>
    </>
  );
}
