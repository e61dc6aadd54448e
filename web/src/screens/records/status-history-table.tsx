import { Table, Text } from '@mantine/core';
import type { StatusStay } from '../../api/records-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';

/** Every stay of a record in a status, newest first, with who changed it and the note. */
export function StatusHistoryTable({ stays, staff }: { stays: StatusStay[]; staff: Map<number, string> }) {
  const { studio } = useSession();
  if (stays.length === 0) return <Text size="sm">No status yet. Set one with “Change status”.</Text>;
  const zone = studio.time_zone;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Status history" striped>
        <Table.Thead>
          <Table.Tr>
            {[`Status`, `Entered (${zone})`, 'Due', `Left (${zone})`, 'By', 'Note'].map((heading) => (
              <Table.Th key={heading}>{heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...stays].reverse().map((stay) => (
            <Table.Tr key={stay.id}>
              <Table.Td>{stay.status_name}</Table.Td>
              <Table.Td>{formatInstant(stay.entered_at, zone)}</Table.Td>
              <Table.Td>{stay.due_date ?? '—'}</Table.Td>
              <Table.Td>{stay.left_at ? formatInstant(stay.left_at, zone) : 'current'}</Table.Td>
              <Table.Td>
                {stay.user_id === null ? 'Triggerfish' : (staff.get(stay.user_id) ?? `#${stay.user_id}`)}
              </Table.Td>
              <Table.Td>{stay.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
