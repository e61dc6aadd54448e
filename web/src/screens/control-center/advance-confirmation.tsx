import { Button, Group, Modal, Text } from '@mantine/core';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';

interface Props {
  request: { to: string; runs: number } | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says how many runs an advance makes, and that it cannot be undone, before it happens. */
export function AdvanceConfirmation({ request, busy, onConfirm, onCancel }: Props) {
  const { studio } = useSession();
  return (
    <Modal opened={request !== null} onClose={onCancel} title="Advance the test clock?" centered>
      {request && (
        <>
          <Text>
            The Control Center will run {request.runs} time{request.runs === 1 ? '' : 's'}, up to{' '}
            {formatInstant(request.to, studio.time_zone)} ({studio.time_zone}). Automatic triggers process
            their items on the way; the sandbox&apos;s messages stay in the development inbox. The clock
            cannot be moved back.
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button onClick={onConfirm} loading={busy} data-autofocus>
              Run {request.runs} time{request.runs === 1 ? '' : 's'}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
