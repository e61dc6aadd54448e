import { Alert, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { listDepartments, type Department } from '../../api/tasks-api';
import {
  changeStaffDepartment,
  changeStaffRole,
  listStaff,
  removeStaff,
  type StaffMember,
} from '../../api/users-api';
import { useSession } from '../../session/session-context';
import { AddStaffForm } from './add-staff-form';
import { ConfirmRemoval } from './confirm-removal';
import { memberName, StaffMembersTable } from './staff-members-table';

/** The studio's staff members, their roles and departments (owners and admins; the API has the rules). */
export function StaffUsersPanel() {
  const { api } = useSession();
  const [members, setMembers] = useState<StaffMember[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    Promise.all([listStaff(api), listDepartments(api)]).then(
      ([staff, catalog]) => {
        setMembers(staff.data);
        setDepartments(catalog.data);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api, reload]);

  /** A change in place; when refused, the row shows what it had and the alert says why. */
  const change = async (member: StaffMember, keeps: string, request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
    } catch (failure) {
      setError(`${memberName(member)} keeps ${keeps}: ${(failure as Error).message}`);
    }
    setReload((n) => n + 1);
  };
  const departmentName = (id: number | null) => departments.find((d) => d.id === id)?.name ?? 'no department';

  return (
    <Stack>
      <AddStaffForm onAdded={() => setReload((n) => n + 1)} />
      {error && (
        <Alert color="red" role="alert" title="Staff could not be loaded or changed">
          {error}
        </Alert>
      )}
      {members && (
        <StaffMembersTable
          members={members}
          departments={departments}
          onRole={(member, role) =>
            void change(member, `the role ${member.role}`, () => changeStaffRole(api, member.id, role))
          }
          onDepartment={(member, id) =>
            void change(member, departmentName(member.department_id), () =>
              changeStaffDepartment(api, member.id, id),
            )
          }
          onRemove={setRemoving}
        />
      )}
      {removing && (
        <ConfirmRemoval
          title={`Remove ${memberName(removing)} from the studio?`}
          consequence="They are signed out of this studio and their API tokens for it stop working. Their account stays, with any other studios they work for."
          confirmLabel="Remove from studio"
          onConfirm={async () => {
            await removeStaff(api, removing.id);
            setReload((n) => n + 1);
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </Stack>
  );
}
