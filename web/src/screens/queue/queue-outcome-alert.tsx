import { Alert, List, Text } from '@mantine/core';
import type { QueueAction, QueueOutcome } from '../../api/queue-api';
import { ACTION_VERBS, outcomeText } from './queue-words';

/**
 * What the last action did, item by item where it matters: an item that failed stays pending, and
 * its error says why (a template that cannot render), so staff can fix it and process it again.
 */
export function QueueOutcomeAlert({
  action,
  outcome,
  onClose,
}: {
  action: QueueAction;
  outcome: QueueOutcome;
  onClose: () => void;
}) {
  const failed = outcome.failed ?? [];
  return (
    <Alert
      color={failed.length > 0 ? 'orange' : 'green'}
      title={`${ACTION_VERBS[action]}: done`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      role="status"
    >
      <Text size="sm">{outcomeText(outcome)}</Text>
      {failed.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {failed.length === 1 ? 'This item' : 'These items'} could not be processed and stay pending:
          </Text>
          <List size="sm">
            {failed.map((failure) => (
              <List.Item key={failure.id}>
                Item #{failure.id}: {failure.error}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
