import { Checkbox, type CheckboxGroupProps, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { permissions, useCan } from '../../app/permissions.ts';

/**
 * One box per permission of the catalogue; boxes for permissions the viewer does not hold are locked, since
 * nobody gives or takes more than they have (the server says so too).
 */
export function PermissionChoice(props: Omit<CheckboxGroupProps, 'children' | 'label'>) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Checkbox.Group {...props} label={t('users.permissionsLabel')}>
      <Stack gap="xs" mt="xs">
        {permissions.map((permission) => (
          <Checkbox
            key={permission}
            value={permission}
            label={t(`permissionNames.${permission}`)}
            disabled={!can(permission)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
