import { Button, Table } from '@mantine/core';
import type { PhoneCall } from '../../api/calls-api';
import { CALL_OUTCOME_WORDS } from './call-outcome-words';

interface Props {
  calls: readonly PhoneCall[];
  onOpen: (call: PhoneCall) => void;
}

/** The calls by due date (a studio-local date), with the latest attempt's outcome. */
export function CallsTable({ calls, onOpen }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Calls" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Call</Table.Th>
            <Table.Th>Number</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Latest outcome</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td>{call.recipient_name ?? `Call #${call.id}`}</Table.Td>
              <Table.Td>{call.to_address ?? '—'}</Table.Td>
              <Table.Td>{call.subject ?? '—'}</Table.Td>
              <Table.Td>{call.due_date ?? 'no date'}</Table.Td>
              <Table.Td>
                {call.outcome ? CALL_OUTCOME_WORDS[call.outcome] : 'not tried yet'}
                {call.outcome_note ? ` — ${call.outcome_note}` : ''}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onOpen(call)}
                  aria-label={`Log an outcome for the call to ${call.recipient_name ?? `#${call.id}`}`}
                >
                  {call.completed_at ? 'Attempts' : 'Log outcome'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
