import { Badge, Button, Group, Table } from '@mantine/core';
import type { Template } from '../../api/templates-api';
import { formatInstant } from '../../format/format-instant';
import { ActionsHeader, RowActionButton } from './row-actions';

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
            <ActionsHeader />
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
                {template.is_inactive && (
                  <Badge color="gray" variant="light" ml="xs">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{template.basis.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{formatInstant(template.updated_at, timeZone)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <RowActionButton label="Preview" name={template.name} onClick={() => onPreview(template)} />
                  {canChange && (
                    <RowActionButton
                      label="Delete"
                      name={template.name}
                      color="red"
                      onClick={() => onDelete(template)}
                    />
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
