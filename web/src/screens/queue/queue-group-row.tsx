import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { QueueAction, QueueGroup, QueueOutcome } from '../../api/queue-api';
import { formatInstant } from '../../format/format-instant';
import { QueueActionButtons } from './queue-action-buttons';

interface Props {
  group: QueueGroup;
  actionLabel: string;
  timeZone: string;
  selected: boolean;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

/** One trigger's pending items: how many, since when, and Process / Skip / Delete for all of them. */
export function QueueGroupRow({ group, actionLabel, timeZone, selected, onDone }: Props) {
  return (
    <Table.Tr
      aria-current={selected ? 'true' : undefined}
      bg={selected ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Table.Td>
        <Anchor component={Link} to={`?trigger_id=${group.trigger_id}`} fw={500}>
          {group.name}
        </Anchor>
        {group.processing === 'automatic' && (
          <Text size="xs" c="dimmed">
            <Badge size="xs" variant="light">
              automatic
            </Badge>{' '}
            the Control Center takes these in its time frame
          </Text>
        )}
      </Table.Td>
      <Table.Td>{actionLabel}</Table.Td>
      <Table.Td ta="right">{group.pending}</Table.Td>
      <Table.Td>{formatInstant(group.oldest_trigger_date, timeZone)}</Table.Td>
      <Table.Td>
        <QueueActionButtons
          selection={{ trigger_id: group.trigger_id }}
          count={group.pending}
          scope={`of “${group.name}”`}
          target={`all of ${group.name}`}
          onDone={onDone}
        />
      </Table.Td>
    </Table.Tr>
  );
}
