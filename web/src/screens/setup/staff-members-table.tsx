import { Select, Table } from '@mantine/core';
import type { Role } from '../../api/auth-api';
import type { Department } from '../../api/tasks-api';
import type { StaffMember } from '../../api/users-api';
import { ROLE_OPTIONS } from './role-options';
import { ActionsHeader, RowActionButton } from './row-actions';

// Mantine's Select cannot hold an empty value as an option; this one stands for "no department".
const NONE = 'none';

export const memberName = (member: StaffMember) => member.name || member.email;

/** The studio's members with their role and department, each changed in place, and a way out. */
export function StaffMembersTable({
  members,
  departments,
  onRole,
  onDepartment,
  onRemove,
}: {
  members: readonly StaffMember[];
  departments: readonly Department[];
  onRole: (member: StaffMember, role: Role) => void;
  onDepartment: (member: StaffMember, departmentId: number | null) => void;
  onRemove: (member: StaffMember) => void;
}) {
  const departmentOptions = [
    { value: NONE, label: 'No department' },
    ...departments.map((d) => ({ value: String(d.id), label: d.name })),
  ];
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Staff members" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Department</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={`${member.id}-${member.role}-${member.department_id ?? NONE}`}>
              <Table.Td>{member.name}</Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role of ${memberName(member)}`}
                  data={ROLE_OPTIONS}
                  value={member.role}
                  allowDeselect={false}
                  onChange={(value) => value && value !== member.role && onRole(member, value as Role)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Department of ${memberName(member)}`}
                  data={departmentOptions}
                  value={member.department_id === null ? NONE : String(member.department_id)}
                  allowDeselect={false}
                  onChange={(value) => value && onDepartment(member, value === NONE ? null : Number(value))}
                />
              </Table.Td>
              <Table.Td>
                <RowActionButton
                  label="Remove"
                  name={memberName(member)}
                  color="red"
                  onClick={() => onRemove(member)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
