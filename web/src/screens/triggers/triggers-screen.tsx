import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { canChangeSettings } from '../../api/auth-api';
import {
  getTriggerTypes,
  listTriggers,
  type TriggerSummary,
  type TriggerTypeCatalog,
} from '../../api/triggers-api';
import { useSession } from '../../session/session-context';
import { changedFilters, filtersOf, hasFilters } from './trigger-filter-params';
import { TriggerFilters } from './trigger-filters';
import { TriggersEmptyState } from './triggers-empty-state';
import { TriggersTable } from './triggers-table';
import { ScreenLoader } from '../../shell/screen-loader';

interface ListState {
  triggers: TriggerSummary[];
  nextCursor: string | null;
}

/** The studio's triggers, filtered by what the address says (see trigger-filter-params). */
export function TriggersScreen() {
  const { api, studio, caller } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const filterKey = params.toString();
  const [catalog, setCatalog] = useState<TriggerTypeCatalog | null>(null);
  const [list, setList] = useState<ListState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    getTriggerTypes(api).then(setCatalog, (failure: Error) => setError(failure.message));
  }, [api]);

  useEffect(() => {
    let current = true;
    setError(null);
    listTriggers(api, filtersOf(new URLSearchParams(filterKey))).then(
      (page) => current && setList({ triggers: page.data, nextCursor: page.next_cursor }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, filterKey, reload]);

  const loadMore = useCallback(async () => {
    if (!list?.nextCursor) return;
    const page = await listTriggers(api, filters, list.nextCursor);
    setList({ triggers: [...list.triggers, ...page.data], nextCursor: page.next_cursor });
  }, [api, filters, list]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Triggers</Title>
        {canChangeSettings(caller.role) && (
          <Button component={Link} to="/triggers/new">
            New trigger
          </Button>
        )}
      </Group>
      <TriggerFilters
        key={filterKey === '' ? 'cleared' : 'set'}
        filters={filters}
        catalog={catalog}
        onChange={(name, value) => setParams(changedFilters(filters, name, value))}
      />
      {error && (
        <Alert color="red" role="alert" title="The triggers could not be loaded">
          {error}
        </Alert>
      )}
      {!list && !error && <ScreenLoader label="Loading triggers" />}
      {list && list.triggers.length === 0 && (
        <TriggersEmptyState filtered={hasFilters(filters)} onClear={() => setParams(new URLSearchParams())} />
      )}
      {list && list.triggers.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.triggers.length}
            {list.nextCursor ? '+' : ''} trigger{list.triggers.length === 1 ? '' : 's'}
          </Text>
          <TriggersTable
            triggers={list.triggers}
            catalog={catalog}
            timeZone={studio.time_zone}
            canChange={canChangeSettings(caller.role)}
            onChanged={() => setReload((n) => n + 1)}
          />
          {list.nextCursor && (
            <Group justify="center">
              <Button variant="default" onClick={() => void loadMore()}>
                Show more
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
