import { Anchor, Badge, Button, Switch, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { copyTrigger, setTriggerActive, type TriggerSummary } from '../../api/triggers-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';

interface Props {
  trigger: TriggerSummary;
  typeLabel: string;
  actionLabel: string;
  timeZone: string;
  canChange: boolean;
  onChanged: () => void;
}

/**
 * One trigger. Owners and admins switch it on and off and copy it from here (the copy starts
 * inactive, named "Copy of …"); staff see the same row without the controls' effect.
 */
export function TriggerRow({ trigger, typeLabel, actionLabel, timeZone, canChange, onChanged }: Props) {
  const { api } = useSession();
  const [active, setActive] = useState(trigger.is_active);
  const [busy, setBusy] = useState<'active' | 'copy' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: 'active' | 'copy', work: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/triggers/${trigger.id}`} fw={500} display="block">
          {trigger.name}
        </Anchor>
        {trigger.processing === 'manual' && (
          <Badge size="xs" variant="light" color="gray">
            processed by hand
          </Badge>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{typeLabel}</Table.Td>
      <Table.Td>{actionLabel}</Table.Td>
      <Table.Td ta="right">{trigger.pending_count}</Table.Td>
      <Table.Td>{trigger.last_fired_at ? formatInstant(trigger.last_fired_at, timeZone) : 'Never'}</Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Active: ${trigger.name}`}
          checked={active}
          // Not disabled while saving: a disabled control loses keyboard focus; run() ignores repeats.
          disabled={!canChange}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            void run('active', async () => {
              await setTriggerActive(api, trigger.id, next);
              setActive(next);
            });
          }}
        />
      </Table.Td>
      {canChange && (
        <Table.Td>
          <Button
            variant="subtle"
            size="xs"
            aria-label={`Copy ${trigger.name}`}
            loading={busy === 'copy'}
            disabled={busy !== null}
            onClick={() => void run('copy', () => copyTrigger(api, trigger.id))}
          >
            Copy
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
