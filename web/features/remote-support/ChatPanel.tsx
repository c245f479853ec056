// R4: the session's chat. The server sends every message to both sides, the writer's own included.
import { Box, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import type { ChatLine, RemoteSession } from './remote-session.ts';

const maxLength = 2000;

/** Only what it shows as props, so a transfer's progress does not render the chat again. */
export const ChatPanel = memo(function ChatPanel({
  chat,
  side,
  active,
  session,
}: {
  chat: ChatLine[];
  side: Side;
  active: boolean;
  session: RemoteSession;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

  // The newest message stays in view.
  useEffect(() => {
    if (chat.length > 0 && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [chat.length]);

  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('remoteSupport.chat.title')}
      </Title>
      <Box
        component="ol"
        ref={list}
        aria-label={t('remoteSupport.chat.messages')}
        aria-live="polite"
        tabIndex={0}
        p={0}
        m={0}
        mah={260}
        style={{ listStyle: 'none', overflowY: 'auto' }}
      >
        {chat.length === 0 && (
          <Text component="li" size="sm" c="dimmed">
            {t('remoteSupport.chat.none')}
          </Text>
        )}
        {chat.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are only ever appended, so the position is stable
          <Stack component="li" key={index} gap={0} mb="xs">
            <Text size="xs" c="dimmed">
              {line.from === side ? t('remoteSupport.chat.you') : line.name} ·{' '}
              {time.format(new Date(line.at))}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {line.text}
            </Text>
          </Stack>
        ))}
      </Box>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const message = text.trim();
          if (message === '') return;
          session.chat(message);
          setText('');
        }}
      >
        <Group align="flex-end" gap="xs" mt="sm" wrap="nowrap">
          <TextInput
            label={t('remoteSupport.chat.message')}
            value={text}
            maxLength={maxLength}
            disabled={!active}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={!active} leftSection={<IconSend size={16} aria-hidden />}>
            {t('remoteSupport.chat.send')}
          </Button>
        </Group>
      </form>
    </Card>
  );
});
