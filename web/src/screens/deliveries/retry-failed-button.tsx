import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { retryDelivery } from '../../api/deliveries-api';
import { useSession } from '../../session/session-context';

interface Props {
  deliveryIds: readonly number[];
  onDone: (failures: readonly string[]) => void;
}

/**
 * Queues every failed delivery the list shows again, after a confirmation that says how many. Each
 * is retried on its own: one the Control Center already took is refused alone and reported.
 */
export function RetryFailedButton({ deliveryIds, onDone }: Props) {
  const { api } = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = deliveryIds.length;
  const noun = `failed deliver${count === 1 ? 'y' : 'ies'}`;

  const retryAll = async () => {
    setBusy(true);
    const failures: string[] = [];
    for (const id of deliveryIds) {
      await retryDelivery(api, id).catch((failure: Error) =>
        failures.push(`Delivery ${id}: ${failure.message}`),
      );
    }
    setBusy(false);
    setAsking(false);
    onDone(failures);
  };

  if (count === 0) return null;
  return (
    <>
      <Button variant="light" onClick={() => setAsking(true)}>
        Retry {count} {noun}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Retry failed deliveries?" centered>
        <Text>
          {count} {noun} shown here will be queued again and sent by the next Control Center run.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => void retryAll()} data-autofocus>
            Retry {count}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
