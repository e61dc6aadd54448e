import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Communication } from '../../../api/communications-api';
import { formatInstant } from '../../../format/format-instant';
import { stateColor, stateLabel } from '../../deliveries/delivery-states';
import { CommunicationDrawer } from './communication-drawer';
import { channelLabel, recipientOf, summaryOf } from './history-words';

interface Props {
  communications: readonly Communication[];
  timeZone: string;
  /** The table's accessible name. */
  label?: string;
}

/**
 * Communications newest first: when, channel, recipient, subject or first words, delivery. A row's
 * message opens it as it was sent. A client's history and the development inbox both list with it.
 */
export function CommunicationsTable({ communications, timeZone: zone, label = 'Communications' }: Props) {
  const [open, setOpen] = useState<Communication | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" aria-label={label}>
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
            {communications.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatInstant(c.created_at, zone)}</Table.Td>
                <Table.Td>{channelLabel(c.channel)}</Table.Td>
                <Table.Td>{recipientOf(c)}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={`Open the ${channelLabel(c.channel)}: ${summaryOf(c)}`}
                    onClick={() => setOpen(c)}
                  >
                    <Text size="sm" truncate maw={220}>
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
    </>
  );
}
