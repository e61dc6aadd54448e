import { Badge, Button, Table, Text } from '@mantine/core';
import type { OutboxMessage } from '../../api/deliveries-api';
import { formatInstant } from '../../format/format-instant';
import { stateColor, stateLabel } from './delivery-states';

interface Props {
  messages: readonly OutboxMessage[];
  timeZone: string;
  onOpen: (message: OutboxMessage) => void;
}

/** Emails and SMS with their delivery, newest first; a row's button opens the delivery's history. */
export function DeliveriesTable({ messages, timeZone, onOpen }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Written ({timeZone})</Table.Th>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Message</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">History</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => {
            const delivery = message.delivery;
            if (!delivery) return null;
            const to = message.recipient_name
              ? `${message.recipient_name} <${message.to_address ?? ''}>`
              : message.to_address;
            return (
              <Table.Tr key={message.id}>
                <Table.Td>{formatInstant(message.created_at, timeZone)}</Table.Td>
                <Table.Td>{message.channel === 'sms' ? 'SMS' : 'Email'}</Table.Td>
                <Table.Td>{to}</Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" truncate>
                    {message.subject ?? message.body_text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColor(delivery.state)} variant="light">
                    {stateLabel(delivery.state)}
                  </Badge>
                  {delivery.state === 'failed' && delivery.reason && (
                    <Text size="xs" c="red">
                      {delivery.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="xs"
                    aria-label={`History of the ${message.channel === 'sms' ? 'SMS' : 'email'} to ${message.to_address ?? ''}`}
                    onClick={() => onOpen(message)}
                  >
                    History
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
