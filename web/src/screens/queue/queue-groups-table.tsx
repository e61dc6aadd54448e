import { Table } from '@mantine/core';
import type { QueueAction, QueueGroup, QueueOutcome } from '../../api/queue-api';
import { QueueGroupRow } from './queue-group-row';

interface Props {
  groups: readonly QueueGroup[];
  actionLabel: (action: string) => string;
  timeZone: string;
  selectedTriggerId: number | null;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

/** The queue by trigger; a trigger's name shows its items below. */
export function QueueGroupsTable({ groups, actionLabel, timeZone, selectedTriggerId, onDone }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Pending items by trigger">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Trigger</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col" ta="right">
              Pending
            </Table.Th>
            <Table.Th scope="col">Oldest trigger date ({timeZone})</Table.Th>
            <Table.Th scope="col">For all of the trigger’s items</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <QueueGroupRow
              key={group.trigger_id}
              group={group}
              actionLabel={actionLabel(group.action)}
              timeZone={timeZone}
              selected={group.trigger_id === selectedTriggerId}
              onDone={onDone}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
