import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../session/session-context';

/** Who is signed in, and signing out. */
export function UserMenu() {
  const { caller, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="md" truncate="end" maw={200}>
        {caller.user.name || caller.user.email}
      </Text>
      <Button
        variant="default"
        size="xs"
        loading={busy}
        onClick={() => {
          setBusy(true);
          signOut().catch(() => setBusy(false));
        }}
      >
        Sign out
      </Button>
    </Group>
  );
}
