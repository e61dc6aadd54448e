import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../session/session-context';

/**
 * The current studio; a choice of studios for someone who belongs to several. Switching changes the
 * session's studio on the server, then every screen starts again in the new one.
 */
export function StudioSwitcher() {
  const { caller, switchStudio } = useSession();
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (caller.studios.length < 2)
    return (
      <Text size="sm" fw={500} truncate="end" maw={260}>
        {caller.studio.name}
      </Text>
    );

  const choose = async (value: string | null) => {
    if (!value || Number(value) === caller.studio.id) return;
    setSwitching(true);
    setError(null);
    try {
      await switchStudio(Number(value));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Select
      aria-label="Studio"
      size="xs"
      w={240}
      allowDeselect={false}
      disabled={switching}
      error={error}
      value={String(caller.studio.id)}
      data={caller.studios.map((s) => ({
        value: String(s.id),
        label: s.is_sandbox ? `${s.name} (sandbox)` : s.name,
      }))}
      onChange={(value) => void choose(value)}
    />
  );
}
