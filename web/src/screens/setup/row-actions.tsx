import { Button, Table, VisuallyHidden, type MantineColor } from '@mantine/core';

/** The header of a table's last column, which holds each row's buttons: named for screen readers. */
export function ActionsHeader() {
  return (
    <Table.Th>
      <VisuallyHidden>Actions</VisuallyHidden>
    </Table.Th>
  );
}

/**
 * A small button in a row. Its visible word ("Delete") is the same in every row, so its name for
 * screen readers says which row it acts on ("Delete Welcome email").
 */
export function RowActionButton({
  label,
  name,
  color,
  onClick,
}: {
  label: string;
  name: string;
  color?: MantineColor;
  onClick: () => void;
}) {
  return (
    <Button size="xs" variant="light" color={color} aria-label={`${label} ${name}`} onClick={onClick}>
      {label}
    </Button>
  );
}
