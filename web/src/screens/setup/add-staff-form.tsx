import { Alert, Button, Group, PasswordInput, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../api/auth-api';
import { useFormRequest } from '../../api/use-form-request';
import { addStaff } from '../../api/users-api';
import { useSession } from '../../session/session-context';
import { ROLE_OPTIONS } from './role-options';

const EMPTY = { email: '', name: '', password: '' };

/**
 * Adds a staff member: a new user by email (with a first password to hand them), or someone who
 * already works for another studio, who keeps their password. The API checks the role is allowed.
 */
export function AddStaffForm({ onAdded }: { onAdded: () => void }) {
  const { api } = useSession();
  const [values, setValues] = useState(EMPTY);
  const [role, setRole] = useState<Role>('staff');
  const { fields, message, busy, submit } = useFormRequest();

  const input = (field: keyof typeof EMPTY) => ({
    value: values[field],
    error: fields[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await submit(() =>
      addStaff(api, {
        email: values.email,
        name: values.name,
        role,
        ...(values.password ? { password: values.password } : {}),
      }),
    );
    if (added) {
      setValues(EMPTY);
      onAdded();
    }
  };

  return (
    <form onSubmit={(event) => void add(event)} aria-label="Add a staff member">
      {message && (
        <Alert color="red" role="alert" title="The staff member was not added" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-start">
        <TextInput label="Email" type="email" required {...input('email')} />
        <TextInput label="Name" {...input('name')} />
        <PasswordInput
          label="First password"
          description="New users only; at least 10 characters"
          {...input('password')}
        />
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => setRole((value as Role | null) ?? 'staff')}
          error={fields.role}
          allowDeselect={false}
        />
        <Button type="submit" loading={busy} mt={25}>
          Add staff member
        </Button>
      </Group>
    </form>
  );
}
