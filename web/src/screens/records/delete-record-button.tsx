import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import { deleteRecord, type RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';

/**
 * Deletes a record after a confirmation. The API keeps a record that others refer to (409); that
 * refusal is said plainly in the dialog, and nothing is deleted.
 */
export function DeleteRecordButton({
  kind,
  record,
  title,
  onDeleted,
}: {
  kind: RecordKind;
  record: RecordData;
  title: string;
  onDeleted: () => void;
}) {
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noun = kind.label.toLowerCase();

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteRecord(api, kind.path, record.id);
      setOpen(false);
      onDeleted();
    } catch (failure) {
      // A 409 names what still refers to the record and what to do instead; it is shown as it is.
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>
        Delete {noun}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Delete “${title}”?`}>
        <Stack>
          <Text>The {noun} and its status history are deleted for good.</Text>
          {error && (
            <Alert color="red" role="alert" title={`The ${noun} was not deleted`}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              Delete {noun}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
