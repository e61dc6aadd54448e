import { Button, Table } from '@mantine/core';
import type { PhoneCall } from '../../api/calls-api';
import { RecordLink } from '../../shell/record-link';
import { recordKindLabel } from '../queue/record-label';
import { CALL_OUTCOME_WORDS } from './call-outcome-words';

interface Props {
  calls: readonly PhoneCall[];
  onOpen: (call: PhoneCall) => void;
}

/**
 * The calls by due date (a studio-local date), with the latest attempt's outcome. Whom to call links
 * to the client, what it is about to the record it was made for: what a caller looks up first.
 */
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
              <Table.Td>
                {call.recipient_name && call.client_id !== null ? (
                  <RecordLink kind="client" id={call.client_id}>
                    {call.recipient_name}
                  </RecordLink>
                ) : (
                  (call.recipient_name ?? `Call #${call.id}`)
                )}
              </Table.Td>
              <Table.Td>{call.to_address ?? '—'}</Table.Td>
              <Table.Td>
                {call.subject && call.record_kind && call.record_id !== null ? (
                  <RecordLink
                    kind={call.record_kind}
                    id={call.record_id}
                    aria-label={`${call.subject} (${recordKindLabel(call.record_kind)} #${call.record_id})`}
                  >
                    {call.subject}
                  </RecordLink>
                ) : (
                  (call.subject ?? '—')
                )}
              </Table.Td>
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
