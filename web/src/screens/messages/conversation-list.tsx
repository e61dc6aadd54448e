import { Paper, Stack, Text } from '@mantine/core';
import type { ThreadEntry } from '../../api/messages-api';
import { formatInstant } from '../../format/format-instant';

/** The SMS of a conversation, oldest first: the client's on the left, the studio's on the right. */
export function ConversationList({ thread, timeZone }: { thread: readonly ThreadEntry[]; timeZone: string }) {
  return (
    <Stack
      gap="xs"
      component="ol"
      aria-label="Conversation"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {thread.map((entry) => {
        const inbound = entry.direction === 'inbound';
        return (
          <Paper
            key={entry.id}
            component="li"
            withBorder
            p="xs"
            maw="85%"
            ml={inbound ? 0 : 'auto'}
            bg={inbound ? undefined : 'blue.0'}
          >
            <Text size="xs" c="dimmed">
              {inbound ? 'Received' : 'Sent'} · {formatInstant(entry.at, timeZone)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.body ?? ''}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
