import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  listQueueGroups,
  type QueueAction,
  type QueueGroup,
  type QueueItem,
  type QueueOutcome,
} from '../../api/queue-api';
import { getTriggerTypes, type TriggerTypeCatalog } from '../../api/triggers-api';
import { useSession } from '../../session/session-context';
import { ItemDrawer } from './item-drawer';
import { QueueActionButtons } from './queue-action-buttons';
import { QueueEmptyState } from './queue-empty-state';
import { QueueGroupsTable } from './queue-groups-table';
import { QueueItems } from './queue-items';
import { QueueOutcomeAlert } from './queue-outcome-alert';
import { itemCount } from './queue-words';
import { ScreenLoader } from '../../shell/screen-loader';

/**
 * Process Triggers (SPEC §3.5): the pending items grouped by trigger, then the items themselves;
 * Process, Skip and Delete per item, per trigger and for all. The trigger whose items are shown is
 * in the address (?trigger_id=…), so Back and a shared link land on the same list.
 */
export function QueueScreen() {
  const { api, studio } = useSession();
  const [params] = useSearchParams();
  const triggerParam = Number(params.get('trigger_id'));
  const [groups, setGroups] = useState<QueueGroup[] | null>(null);
  const [catalog, setCatalog] = useState<TriggerTypeCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [last, setLast] = useState<{ action: QueueAction; outcome: QueueOutcome } | null>(null);
  const [opened, setOpened] = useState<QueueItem | null>(null);

  useEffect(() => {
    getTriggerTypes(api).then(setCatalog, () => setCatalog(null));
  }, [api]);

  useEffect(() => {
    let current = true;
    listQueueGroups(api).then(
      (answer) => {
        if (!current) return;
        setError(null);
        setGroups(answer.data);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  const done = (action: QueueAction, outcome: QueueOutcome) => {
    setLast({ action, outcome });
    setOpened(null);
    setReload((n) => n + 1);
  };
  const triggerName = (id: number) => groups?.find((g) => g.trigger_id === id)?.name ?? `Trigger #${id}`;
  const actionLabel = (name: string) => catalog?.actions.find((a) => a.name === name)?.label ?? name;
  const selected = groups?.some((g) => g.trigger_id === triggerParam) ? triggerParam : null;
  const total = (groups ?? []).reduce((sum, g) => sum + g.pending, 0);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Process Triggers</Title>
        {total > 0 && (
          <Group gap="sm">
            <Text size="sm" fw={500}>
              {itemCount(total)} pending in all
            </Text>
            <QueueActionButtons
              selection={{ all: true }}
              count={total}
              scope="of every trigger"
              target="every pending item"
              onDone={done}
            />
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Times in the studio’s time zone, {studio.time_zone}.
      </Text>
      {last && <QueueOutcomeAlert {...last} onClose={() => setLast(null)} />}
      {error && (
        <Alert color="red" role="alert" title="The queue could not be loaded">
          {error}
        </Alert>
      )}
      {!groups && !error && <ScreenLoader label="Loading the queue" />}
      {groups && groups.length === 0 && <QueueEmptyState isSandbox={studio.is_sandbox} />}
      {groups && groups.length > 0 && (
        <>
          <QueueGroupsTable
            groups={groups}
            actionLabel={actionLabel}
            timeZone={studio.time_zone}
            selectedTriggerId={selected}
            onDone={done}
          />
          {selected !== null && (
            <Anchor component={Link} to="?" size="sm">
              Show the items of every trigger
            </Anchor>
          )}
          <QueueItems
            key={`${selected}-${reload}`}
            triggerId={selected}
            triggerName={triggerName}
            timeZone={studio.time_zone}
            onDone={done}
            onOpen={setOpened}
          />
        </>
      )}
      {opened && (
        <ItemDrawer
          item={opened}
          triggerName={triggerName(opened.trigger_id)}
          timeZone={studio.time_zone}
          onClose={() => setOpened(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}
