// Pieces the member's and the operator's support pages share: the state badge, the thread, the files.
import { Anchor, Badge, Card, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fileAsBase64 } from '../../ui/file-base64.ts';
import { formatDateTime } from '../../ui/format-date.ts';

export type SupportState = 'open' | 'waiting_for_customer' | 'closed';
export const supportStates: SupportState[] = ['open', 'waiting_for_customer', 'closed'];
const stateColors: Record<SupportState, string> = {
  open: 'blue',
  waiting_for_customer: 'yellow',
  closed: 'gray',
};

export function StateBadge({ state }: { state: SupportState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light" autoContrast>
      {t(`support.states.${state}`)}
    </Badge>
  );
}

interface Message {
  id: string;
  authorKind: 'member' | 'contact' | 'operator';
  authorName: string;
  body: string;
  via: 'web' | 'email';
  createdAt: string;
  attachments: { id: string; filename: string; size: number }[];
}

/** The messages, oldest first; `attachmentUrl` is the download route the reader may use. */
export function Thread({
  messages,
  attachmentUrl,
  timeZone,
}: {
  messages: Message[];
  attachmentUrl: (attachmentId: string) => string;
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ol" gap="sm" p={0} style={{ listStyle: 'none' }} aria-label={t('support.thread')}>
      {messages.map((message) => (
        <Card
          component="li"
          key={message.id}
          withBorder
          bg={message.authorKind === 'operator' ? 'var(--mantine-color-blue-light)' : undefined}
        >
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {message.authorName}
              {message.authorKind === 'operator' && ` (${t('support.fromSupport')})`}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(message.createdAt, i18n.language, timeZone)}
              {message.via === 'email' && ` · ${t('support.byEmail')}`}
            </Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{message.body}</Text>
          {message.attachments.length > 0 && (
            <Stack gap={4} mt="sm">
              {message.attachments.map((attachment) => (
                <Anchor key={attachment.id} href={attachmentUrl(attachment.id)} download size="sm">
                  <IconPaperclip size={14} aria-hidden /> {attachment.filename} (
                  {formatSize(attachment.size, i18n.language)})
                </Anchor>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function formatSize(bytes: number, locale: string) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${number.format(bytes / 1024)} KB`
    : `${number.format(bytes / 1024 / 1024)} MB`;
}

export const maxFiles = 5;

/** Up to five files, as the API takes them. */
export function FilesInput({
  value,
  onChange,
  error,
}: {
  value?: File[];
  onChange: (files: File[]) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FileInput
      multiple
      clearable
      label={t('support.files')}
      description={t('support.filesHint')}
      clearButtonProps={{ 'aria-label': t('support.clearFiles') }}
      accept="application/pdf,image/png,image/jpeg,text/plain,application/zip,.docx,.xlsx,.pptx,.odt,.ods"
      leftSection={<IconPaperclip size={16} aria-hidden />}
      value={value}
      onChange={(files) => onChange(files.slice(0, maxFiles))}
      error={error}
    />
  );
}

const officeTypes: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  zip: 'application/zip',
};

/** Files as the API's attachments: base64 with the type the browser (or the extension) names. */
export async function asAttachments(files: File[]) {
  return Promise.all(
    files.map(async (file) => {
      const data = await fileAsBase64(file);
      const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
      const contentType = (officeTypes[extension] ?? file.type) || 'application/octet-stream';
      // The API's list of types; the server checks the bytes against it.
      return { filename: file.name, contentType: contentType as 'application/pdf', data };
    }),
  );
}
