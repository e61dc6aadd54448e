import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  runQueueAction,
  type QueueAction,
  type QueueOutcome,
  type QueueSelection,
} from '../../api/queue-api';
import { useSession } from '../../session/session-context';
import { ACTION_CONSEQUENCES, ACTION_PAST, ACTION_VERBS, itemCount } from './queue-words';

interface Props {
  action: QueueAction;
  selection: QueueSelection;
  count: number;
  /** What the items are, e.g. "of “Welcome email”" or "of every trigger". */
  scope: string;
  onClose: () => void;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

/**
 * The question before any action on the queue, with the count: nothing is processed, skipped or
 * deleted without staff having read how many items it touches. A refusal of the server stays in
 * the dialog, beside the button that caused it.
 */
export function ConfirmQueueAction({ action, selection, count, scope, onClose, onDone }: Props) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verb = ACTION_VERBS[action];
  const title = `${verb} ${itemCount(count)} ${scope}?`;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(action, await runQueueAction(api, action, selection));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{ACTION_CONSEQUENCES[action]}</Text>
        {error && (
          <Alert color="red" role="alert" title={`The items could not be ${ACTION_PAST[action]}`}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={action === 'process' ? undefined : 'red'}
            loading={busy}
            onClick={() => void confirm()}
          >
            {verb} {itemCount(count)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
