import { Table, Text } from '@mantine/core';
import type { PrintLetter } from '../../api/print-batches-api';
import { formatInstant } from '../../format/format-instant';

/** The letters of a batch, one page each in this order, with the address the window shows. */
export function BatchLettersTable({
  letters,
  timeZone,
}: {
  letters: readonly PrintLetter[];
  timeZone: string;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Letters" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Page</Table.Th>
            <Table.Th>To (as the envelope window shows)</Table.Th>
            <Table.Th>Written ({timeZone})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((letter, index) => (
            <Table.Tr key={letter.id}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {letter.to_address ?? 'no address'}
                </Text>
              </Table.Td>
              <Table.Td>{formatInstant(letter.created_at, timeZone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
