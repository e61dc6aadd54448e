import { Table } from '@mantine/core';
import type { ExplainExclusion } from '../../api/insight-api';
import { explainValue } from './explain-value';
import { PassBadge } from './pass-badge';

/** Every exclusion of the trigger against this occurrence's record. */
export function ExclusionsTable({
  exclusions,
  timeZone,
  label,
}: {
  exclusions: readonly ExplainExclusion[];
  timeZone: string;
  label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exclusion</Table.Th>
            <Table.Th>The record</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {exclusions.map((e) => (
            <Table.Tr key={e.exclusion}>
              <Table.Td>{e.exclusion}</Table.Td>
              <Table.Td>{explainValue(e.value, timeZone)}</Table.Td>
              <Table.Td>
                <PassBadge pass={e.pass} />
                {e.reason && e.pass === false ? ` ${e.reason}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
