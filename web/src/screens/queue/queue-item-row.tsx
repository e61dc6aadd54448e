import { Button, Checkbox, Table } from '@mantine/core';
import type { QueueItem } from '../../api/queue-api';
import { formatInstant } from '../../format/format-instant';
import { queueItemRecord } from './record-label';

interface Props {
  item: QueueItem;
  triggerName: string;
  timeZone: string;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  onOpen: () => void;
}

/** A pending item: pick it for an action, or open it to see its record and the message it would send. */
export function QueueItemRow({ item, triggerName, timeZone, checked, onCheck, onOpen }: Props) {
  const record = queueItemRecord(item);
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          aria-label={`Select ${record} (${triggerName})`}
          checked={checked}
          onChange={(event) => onCheck(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>{record}</Table.Td>
      <Table.Td>{triggerName}</Table.Td>
      <Table.Td>{formatInstant(item.trigger_date, timeZone)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" aria-label={`Open ${record} (${triggerName})`} onClick={onOpen}>
          Open
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
