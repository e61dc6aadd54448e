import { Alert, Select, Stack, Table } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Role } from '../../api/auth-api';
import { changeStaffRole, listStaff, type StaffMember } from '../../api/users-api';
import { useSession } from '../../session/session-context';
import { AddStaffForm } from './add-staff-form';
import { ROLE_OPTIONS } from './role-options';

/** The studio's staff members and their roles (owners and admins change them; the API has the rules). */
export function StaffUsersPanel() {
  const { api } = useSession();
  const [members, setMembers] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    listStaff(api).then(
      (page) => setMembers(page.data),
      (failure: Error) => setError(failure.message),
    );
  }, [api, reload]);

  const changeRole = async (member: StaffMember, role: Role) => {
    setError(null);
    try {
      await changeStaffRole(api, member.id, role);
    } catch (failure) {
      setError(`${member.name || member.email} keeps the role ${member.role}: ${(failure as Error).message}`);
    }
    setReload((n) => n + 1);
  };

  return (
    <Stack>
      <AddStaffForm onAdded={() => setReload((n) => n + 1)} />
      {error && (
        <Alert color="red" role="alert" title="Staff could not be loaded or changed">
          {error}
        </Alert>
      )}
      {members && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Staff members" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
                <Table.Tr key={`${member.id}-${member.role}`}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Role of ${member.name || member.email}`}
                      data={ROLE_OPTIONS}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(value) =>
                        value && value !== member.role && void changeRole(member, value as Role)
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
