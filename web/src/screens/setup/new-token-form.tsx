import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../api/auth-api';
import { createToken } from '../../api/tokens-api';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';
import { ROLE_OPTIONS } from './role-options';

/** Creates a token acting as the signed-in user, with a role no higher than theirs (the API checks). */
export function NewTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const { fields, message, busy, submit } = useFormRequest();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      const token = await createToken(api, name, role);
      setName('');
      onCreated(token.name, token.token);
    });
  };

  return (
    <form onSubmit={(event) => void create(event)} aria-label="New API token">
      {message && (
        <Alert color="red" role="alert" title="The token was not created" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-start">
        <TextInput
          label="Token name"
          description="What uses it, e.g. “Booking site”"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fields.name}
          required
        />
        <Select
          label="Role"
          description="What the token may do"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => setRole((value as Role | null) ?? 'staff')}
          error={fields.role}
          allowDeselect={false}
        />
        <Button type="submit" loading={busy} mt={46}>
          Create token
        </Button>
      </Group>
    </form>
  );
}
