import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { QueueAction, QueueOutcome, QueueSelection } from '../../api/queue-api';
import { ConfirmQueueAction } from './confirm-queue-action';
import { ACTION_VERBS } from './queue-words';

interface Props {
  selection: QueueSelection;
  count: number;
  scope: string;
  /** Names the buttons for a screen reader, e.g. "Process all of Welcome email". */
  target: string;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

const ACTIONS: QueueAction[] = ['process', 'skip', 'delete'];

/** Process, Skip and Delete for a set of items; each asks first, stating the count. */
export function QueueActionButtons({ selection, count, scope, target, onDone }: Props) {
  const [asking, setAsking] = useState<QueueAction | null>(null);
  return (
    <Group gap="xs" wrap="nowrap">
      {ACTIONS.map((action) => (
        <Button
          key={action}
          size="xs"
          variant={action === 'process' ? 'filled' : 'default'}
          disabled={count === 0}
          aria-label={`${ACTION_VERBS[action]} ${target}`}
          onClick={() => setAsking(action)}
        >
          {ACTION_VERBS[action]}
        </Button>
      ))}
      {asking && (
        <ConfirmQueueAction
          action={asking}
          selection={selection}
          count={count}
          scope={scope}
          onClose={() => setAsking(null)}
          onDone={(action, outcome) => {
            setAsking(null);
            onDone(action, outcome);
          }}
        />
      )}
    </Group>
  );
}
