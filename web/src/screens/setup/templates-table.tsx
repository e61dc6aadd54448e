import { Button, Group, Table, VisuallyHidden } from '@mantine/core';
import type { Template } from '../../api/templates-api';
import { formatInstant } from '../../format/format-instant';

/**
 * One channel's templates. Everyone previews them; owners and admins (`canChange`) also open one to
 * edit it and delete it.
 */
export function TemplatesTable({
  label,
  templates,
  timeZone,
  canChange,
  onEdit,
  onPreview,
  onDelete,
}: {
  label: string;
  templates: readonly Template[];
  timeZone: string;
  canChange: boolean;
  onEdit: (template: Template) => void;
  onPreview: (template: Template) => void;
  onDelete: (template: Template) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Based on</Table.Th>
            <Table.Th>Changed ({timeZone})</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => (
            <Table.Tr key={template.id}>
              <Table.Td>
                {canChange ? (
                  <Button variant="subtle" size="compact-sm" onClick={() => onEdit(template)}>
                    {template.name}
                  </Button>
                ) : (
                  template.name
                )}
              </Table.Td>
              <Table.Td>{template.basis.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{formatInstant(template.updated_at, timeZone)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={`Preview ${template.name}`}
                    onClick={() => onPreview(template)}
                  >
                    Preview
                  </Button>
                  {canChange && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Delete ${template.name}`}
                      onClick={() => onDelete(template)}
                    >
                      Delete
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
