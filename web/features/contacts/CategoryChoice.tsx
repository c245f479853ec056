import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type NotificationCategory,
  notificationCategories,
} from '../../../src/shared/notification-categories.ts';

/** C2: the e-mail categories a contact or member receives, each with what it carries. */
export function CategoryChoice({
  value,
  onChange,
  error,
  label,
}: {
  value?: NotificationCategory[];
  onChange?: (value: NotificationCategory[]) => void;
  error?: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      value={value}
      onChange={(chosen) => onChange?.(chosen as NotificationCategory[])}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {notificationCategories.map((category) => (
          <Checkbox
            key={category}
            value={category}
            label={t(`notifications.categories.${category}`)}
            description={t(`notifications.categoryHints.${category}`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
