import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  listCommunications,
  type Communication,
  type CommunicationScope,
} from '../../../api/communications-api';
import { formatInstant } from '../../../format/format-instant';
import { useSession } from '../../../session/session-context';
import { stateColor, stateLabel } from '../../deliveries/delivery-states';
import { CommunicationDrawer } from './communication-drawer';
import { HistorySection } from './history-section';
import { channelLabel, recipientOf, summaryOf } from './history-words';
import { usePagedList } from './use-paged-list';

/**
 * What the studio sent a client (or about one record): emails, SMS, calls and letters, newest first,
 * with their delivery. A row opens the message as it was sent.
 */
export function CommunicationHistory({ scope }: { scope: CommunicationScope }) {
  const { api, studio } = useSession();
  const [open, setOpen] = useState<Communication | null>(null);
  const list = usePagedList<Communication, number>(JSON.stringify(scope), async (before) => {
    const page = await listCommunications(api, scope, before);
    return { items: page.data, next: page.next_before };
  });
  const zone = studio.time_zone;
  return (
    <HistorySection
      title="Communications"
      count={list.items?.length ?? null}
      error={list.error}
      empty={
        'client_id' in scope
          ? 'No email, SMS, call or letter yet. What triggers and staff send this client will be listed here.'
          : 'Nothing has been sent about this record yet. Emails, SMS, calls and letters its triggers create will be listed here.'
      }
      hasMore={list.hasMore}
      onMore={() => void list.loadMore()}
    >
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" aria-label="Communications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Written ({zone})</Table.Th>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">To</Table.Th>
              <Table.Th scope="col">Message</Table.Th>
              <Table.Th scope="col">Delivery</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items?.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatInstant(c.created_at, zone)}</Table.Td>
                <Table.Td>{channelLabel(c.channel)}</Table.Td>
                <Table.Td>{recipientOf(c)}</Table.Td>
                <Table.Td maw={280}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    maw="100%"
                    aria-label={`Open the ${channelLabel(c.channel)}: ${summaryOf(c)}`}
                    onClick={() => setOpen(c)}
                  >
                    <Text size="sm" truncate>
                      {summaryOf(c) || 'Open'}
                    </Text>
                  </Button>
                </Table.Td>
                <Table.Td>
                  {c.delivery ? (
                    <Badge color={stateColor(c.delivery.state)} variant="light">
                      {stateLabel(c.delivery.state)}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {c.channel === 'letter' ? 'Print batch' : 'Call list'}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CommunicationDrawer communication={open} timeZone={zone} onClose={() => setOpen(null)} />
    </HistorySection>
  );
}
