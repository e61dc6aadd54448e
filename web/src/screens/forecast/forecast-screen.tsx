import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { studioTimeOfInstant } from '../../format/studio-local-time';
import { useSession } from '../../session/session-context';
import { ScreenLoader } from '../../shell/screen-loader';
import { ForecastCalendar } from './forecast-calendar';
import { ForecastDayList } from './forecast-day-list';
import { ForecastEmptyState } from './forecast-empty-state';
import { ForecastLegend } from './forecast-legend';
import { triggerColours } from './trigger-colours';
import { useForecast } from './use-forecast';

const DAY_CHOICES = ['7', '14', '30', '60', '90'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What will fall due over the next days, as a calendar in the studio's days with a breakdown by
 * trigger, and below it the items of the day picked (or of every day). A projection of today's
 * data: a session booked tomorrow changes it. Window, trigger and day live in the address.
 */
export function ForecastScreen() {
  const { studio } = useSession();
  const [params, setParams] = useSearchParams();
  const days = DAY_CHOICES.includes(params.get('days') ?? '') ? Number(params.get('days')) : 30;
  const triggerParam = params.get('trigger_id');
  const triggerId = triggerParam && /^\d+$/.test(triggerParam) ? Number(triggerParam) : undefined;
  const dayParam = params.get('day');
  const selected = dayParam && DATE.test(dayParam) && !Number.isNaN(Date.parse(dayParam)) ? dayParam : null;
  const { forecast, names, error } = useForecast(days, triggerId);

  const change = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const triggerName = (id: number) =>
    names.get(id) ?? forecast?.triggers.find((t) => t.trigger_id === id)?.name ?? `Trigger #${id}`;
  const colour = triggerColours(names.keys());
  const first = forecast ? studioTimeOfInstant(forecast.now, studio.time_zone).slice(0, 10) : '';
  const last = forecast ? studioTimeOfInstant(forecast.until, studio.time_zone).slice(0, 10) : '';
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
      {forecast && forecast.total === 0 && <ForecastEmptyState days={days} />}
      {forecast && forecast.total > 0 && (
        <>
          <ForecastCalendar
            first={first}
            last={last}
            days={forecast.by_day}
            workWeek={studio.work_week}
            selected={selected}
            onSelect={(date) => change('day', date === selected ? null : date)}
            triggerName={triggerName}
            colour={colour}
          />
          <ForecastLegend triggers={forecast.triggers} colour={colour} />
          <ForecastDayList
            forecast={forecast}
            selected={selected}
            first={first}
            last={last}
            triggerName={triggerName}
            timeZone={studio.time_zone}
            onShowAll={() => change('day', null)}
          />
        </>
      )}
    </Stack>
  );
}
