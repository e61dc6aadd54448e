import { Table } from '@mantine/core';
import type { TriggerSummary, TriggerTypeCatalog } from '../../api/triggers-api';
import { TriggerRow } from './trigger-row';

interface Props {
  triggers: readonly TriggerSummary[];
  catalog: TriggerTypeCatalog | null;
  timeZone: string;
  canChange: boolean;
  onChanged: () => void;
}

/** The triggers, one row each; the table scrolls sideways on a narrow screen rather than squeeze. */
export function TriggersTable({ triggers, catalog, timeZone, canChange, onChanged }: Props) {
  const label = (list: readonly { name: string; label: string }[] | undefined, name: string) =>
    list?.find((entry) => entry.name === name)?.label ?? name;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Triggers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Trigger type</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col" ta="right">
              Pending
            </Table.Th>
            <Table.Th scope="col">Last fired ({timeZone})</Table.Th>
            <Table.Th scope="col">Active</Table.Th>
            {canChange && <Table.Th scope="col">Copy</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {triggers.map((trigger) => (
            <TriggerRow
              key={trigger.id}
              trigger={trigger}
              typeLabel={label(catalog?.types, trigger.trigger_type)}
              actionLabel={label(catalog?.actions, trigger.action)}
              timeZone={timeZone}
              canChange={canChange}
              onChanged={onChanged}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
