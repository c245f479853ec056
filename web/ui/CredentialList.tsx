import { Button, CopyButton, DataList, Group, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';

/** What the desktop program needs; the access key is shown once, wherever this list appears. */
export type Credentials = ApiResult<'/api/v1/accounts/{accountId}/users/{userId}/access-keys', 'post'>;

/**
 * A long key in groups of four that never break inside: the gaps are margins, not spaces, so a key selected
 * with the mouse is copied without them.
 */
function Grouped({ value }: { value: string }) {
  const groups = value.match(/.{1,4}/g) ?? [];
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: '0.4em' }}>
      {groups.map((group, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one fixed key
        <span key={index} style={{ whiteSpace: 'nowrap' }} data-key-group="">
          {group}
        </span>
      ))}
    </span>
  );
}

/** The four values, each with a copy button whose result is announced to screen readers. */
export function CredentialList({ credentials }: { credentials: Credentials }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const items = [
    { label: t('reveal.customerNumber'), value: credentials.customerNumber, monospace: true },
    { label: t('reveal.userNumber'), value: credentials.userNumber, monospace: true },
    { label: t('reveal.username'), value: credentials.username, monospace: false },
    { label: t('reveal.accessKey'), value: credentials.accessKey, monospace: true, grouped: true },
  ];
  return (
    <>
      <DataList orientation="vertical" withDivider gap="md">
        {items.map((item) => (
          <DataList.Item key={item.label}>
            <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Text ff={item.monospace ? 'monospace' : undefined} fz="lg" miw={0}>
                  {item.grouped ? <Grouped value={item.value} /> : item.value}
                </Text>
                <CopyButton value={item.value} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button
                      size="xs"
                      variant={copied ? 'filled' : 'light'}
                      color={copied ? 'teal' : undefined}
                      aria-label={t(copied ? 'reveal.copiedItem' : 'reveal.copyItem', { item: item.label })}
                      onClick={() => {
                        copy();
                        setAnnouncement(t('reveal.copiedItem', { item: item.label }));
                      }}
                    >
                      {copied ? t('reveal.copied') : t('reveal.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </>
  );
}
