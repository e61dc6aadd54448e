import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getForecast, type Forecast } from '../../api/insight-api';
import { studioTimeOfInstant } from '../../format/studio-local-time';
import { useSession } from '../../session/session-context';
import { ForecastDaySection } from './forecast-day-section';
import { ScreenLoader } from '../../shell/screen-loader';

const DAY_CHOICES = ['7', '14', '30', '60', '90'];

/**
 * What will fall due over the next days, day by day in the studio's zone, by trigger. A projection
 * of today's data: a session booked tomorrow changes it. Window and trigger live in the address.
 */
export function ForecastScreen() {
  const { api, studio } = useSession();
  const [params, setParams] = useSearchParams();
  const days = DAY_CHOICES.includes(params.get('days') ?? '') ? Number(params.get('days')) : 30;
  const triggerParam = params.get('trigger_id');
  const triggerId = triggerParam && /^\d+$/.test(triggerParam) ? Number(triggerParam) : undefined;
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setForecast(null);
    setError(null);
    getForecast(api, days, triggerId).then(
      (answer) => {
        if (!current) return;
        setForecast(answer);
        // Every trigger's name from the unfiltered answer, so the trigger picker keeps its choices.
        if (triggerId === undefined) setNames(new Map(answer.triggers.map((t) => [t.trigger_id, t.name])));
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, days, triggerId]);

  useEffect(() => {
    if (triggerId === undefined || names.size > 0) return;
    getForecast(api, days).then(
      (all) => setNames(new Map(all.triggers.map((t) => [t.trigger_id, t.name]))),
      () => undefined,
    );
  }, [api, days, triggerId, names.size]);

  const change = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const entriesOn = (date: string) =>
    (forecast?.items ?? []).filter((e) =>
      studioTimeOfInstant(e.trigger_date, studio.time_zone).startsWith(date),
    );
  return (
    <Stack>
      <Title order={1}>Forecast</Title>
      <Group align="flex-end">
        <Select
          label="Next"
          data={DAY_CHOICES.map((d) => ({ value: d, label: `${d} days` }))}
          value={String(days)}
          onChange={(value) => change('days', value === '30' ? null : value)}
          allowDeselect={false}
          w={140}
        />
        <Select
          label="Trigger"
          placeholder="All active triggers"
          clearable
          data={[...names].map(([id, name]) => ({ value: String(id), label: name }))}
          value={triggerId === undefined ? null : String(triggerId)}
          onChange={(value) => change('trigger_id', value)}
          w={280}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert" title="The forecast could not be loaded">
          {error}
        </Alert>
      )}
      {!forecast && !error && <ScreenLoader label="Loading the forecast" />}
      {forecast && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {forecast.total === 1 ? '1 item falls' : `${forecast.total} items fall`} due by{' '}
          {forecast.until.slice(0, 10)} · days in {studio.time_zone}
        </Text>
      )}
      {forecast?.triggers
        .filter((t) => t.note)
        .map((t) => (
          <Alert key={t.trigger_id} color="gray" title={t.name}>
            {t.note}
          </Alert>
        ))}
      {forecast && forecast.total === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Stack align="center" gap="xs">
            <Title order={2} size="h4">
              Nothing falls due in the next {days} days
            </Title>
            <Text c="dimmed" maw={520}>
              Only active triggers are forecast. Activate a trigger, or look further ahead; to see why a
              record will not get a trigger, use Explain.
            </Text>
            <Group>
              <Button component={Link} to="/triggers" variant="light">
                Triggers
              </Button>
              <Button component={Link} to="/explain" variant="default">
                Explain
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {forecast?.by_day.map((day) => (
        <ForecastDaySection
          key={day.date}
          date={day.date}
          count={day.count}
          entries={entriesOn(day.date)}
          triggerNames={names}
          timeZone={studio.time_zone}
        />
      ))}
    </Stack>
  );
}
