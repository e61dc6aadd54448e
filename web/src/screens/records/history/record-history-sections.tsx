import { Stack } from '@mantine/core';
import { RECORD_KINDS } from '../../../../../src/domain/record-kinds/index';
import { CommunicationHistory } from './communication-history';
import { ConsentHistory } from './consent-history';
import { TriggerHistory } from './trigger-history';

/** A record by its kind's registry name (`session`, `invoice`…) and id, or a client by id. */
export type RecordHistoryProps = { kind: string; id: number } | { clientId: number };

/**
 * The history sections a record's page shows below its fields. A client: consent, everything sent
 * to them, and the triggers of the client and all their records. A record that leads to a client
 * (a session, an invoice…): its triggers and what was sent about it. Any other record (a catalog
 * entry): its triggers only, since nothing is sent about it.
 */
export function RecordHistorySections(props: RecordHistoryProps) {
  const clientId = 'clientId' in props ? props.clientId : props.kind === 'client' ? props.id : null;
  if (clientId !== null) {
    return (
      <Stack>
        <ConsentHistory clientId={clientId} />
        <CommunicationHistory scope={{ client_id: clientId }} />
        <TriggerHistory scope={{ client_id: clientId }} />
      </Stack>
    );
  }
  const { kind, id } = props as { kind: string; id: number };
  const reachesClient = RECORD_KINDS.find((k) => k.name === kind)?.clientField !== undefined;
  return (
    <Stack>
      <TriggerHistory scope={{ record_kind: kind, record_id: id }} />
      {reachesClient && <CommunicationHistory scope={{ record_kind: kind, record_id: id }} />}
    </Stack>
  );
}
