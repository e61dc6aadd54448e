import { Table } from '@mantine/core';
import type { ExplainCriterion } from '../../api/insight-api';
import { explainValue } from './explain-value';
import { PassBadge } from './pass-badge';

/** The trigger's criteria, each with the record's value, what the trigger expects and the verdict. */
export function CriteriaTable({
  criteria,
  timeZone,
}: {
  criteria: readonly ExplainCriterion[];
  timeZone: string;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Criteria" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>The record</Table.Th>
            <Table.Th>The trigger expects</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((c) => (
            <Table.Tr key={c.criterion}>
              <Table.Td>{c.criterion}</Table.Td>
              <Table.Td>{explainValue(c.value, timeZone)}</Table.Td>
              <Table.Td>{explainValue(c.expected, timeZone)}</Table.Td>
              <Table.Td>
                <PassBadge pass={c.pass} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
