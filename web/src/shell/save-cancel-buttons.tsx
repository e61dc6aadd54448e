import { Button, Group } from '@mantine/core';

/** A form's submit button (busy while its request runs) and its Cancel. */
export function SaveCancelButtons({
  label,
  busy,
  onCancel,
}: {
  label: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <Group>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
