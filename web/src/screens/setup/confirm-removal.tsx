import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Asks before something is removed for good. When the API refuses (a template still in use, the
 * last owner), its message stays in the dialog, so the person reads why and nothing has changed.
 */
export function ConfirmRemoval({
  title,
  consequence,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  consequence: string;
  confirmLabel: string;
  /** Rejects with the API's error when refused. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setRefusal((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={title} centered>
      {refusal && (
        <Alert color="red" role="alert" title="Nothing was removed" mb="md">
          {refusal}
        </Alert>
      )}
      <Text mb="md">{consequence}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {refusal ? 'OK' : 'Cancel'}
        </Button>
        {!refusal && (
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        )}
      </Group>
    </Modal>
  );
}
