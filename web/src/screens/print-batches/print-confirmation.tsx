import { Button, Group, Modal, Text } from '@mantine/core';

interface Props {
  letterCount: number;
  opened: boolean;
  busy: boolean;
  onCancel: () => void;
  onPrint: () => void;
}

/** Printing closes the batch and marks every letter printed: said with the count before it happens. */
export function PrintConfirmation({ letterCount, opened, busy, onCancel, onPrint }: Props) {
  const letters = `${letterCount} letter${letterCount === 1 ? '' : 's'}`;
  return (
    <Modal opened={opened} onClose={onCancel} title="Print this batch?" centered>
      <Text>
        {letters} will be marked printed and the batch closed; the PDF downloads, one letter a page. New
        letters will start a new batch.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button loading={busy} onClick={onPrint} data-autofocus>
          Print {letters}
        </Button>
      </Group>
    </Modal>
  );
}
