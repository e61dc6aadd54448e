import { Button, Table, Text } from '@mantine/core';
import type { MessageThread } from '../../api/messages-api';
import { formatInstant } from '../../format/format-instant';
import { ThreadSender } from './thread-sender';

interface Props {
  threads: readonly MessageThread[];
  names: ReadonlyMap<number, string>;
  timeZone: string;
  onOpen: (thread: MessageThread) => void;
}

/** One row per number that texted the studio, threads with unread messages first. */
export function ThreadsTable({ threads, names, timeZone, onOpen }: Props) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label="Conversations" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>Last message</Table.Th>
            <Table.Th>Received ({timeZone})</Table.Th>
            <Table.Th>Unread</Table.Th>
            <Table.Th>Conversation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {threads.map((thread) => {
            const who = threadName(thread, names);
            const last = thread.last_message;
            return (
              <Table.Tr key={thread.number} fw={thread.unread > 0 ? 600 : undefined}>
                <Table.Td>
                  <Text size="sm" fw="inherit">
                    <ThreadSender thread={thread} names={names} />
                  </Text>
                  {who !== thread.number && (
                    <Text size="xs" c="dimmed">
                      {thread.number}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="sm" truncate="end" fw="inherit">
                    {last?.body ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{last ? formatInstant(last.received_at, timeZone) : '—'}</Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw="inherit"
                    c={thread.unread > 0 ? 'blue' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {thread.unread > 0 ? `${thread.unread} unread` : 'read'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!last}
                    onClick={() => onOpen(thread)}
                    aria-label={`Open the conversation with ${who}`}
                  >
                    Open
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Ada Lovelace", or the number for a sender no client has. */
export function threadName(
  thread: Pick<MessageThread, 'client_id' | 'number'>,
  names: ReadonlyMap<number, string>,
) {
  return (thread.client_id !== null && names.get(thread.client_id)) || thread.number;
}
