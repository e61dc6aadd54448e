import { Button, Group, Stack, Text } from '@mantine/core';
import type { Forecast } from '../../api/insight-api';
import { studioTimeOfInstant } from '../../format/studio-local-time';
import { shortDayName } from './day-description';
import { ForecastDaySection } from './forecast-day-section';

interface Props {
  forecast: Forecast;
  /** The day picked in the calendar; null lists every day with something due. */
  selected: string | null;
  first: string;
  last: string;
  triggerName: (triggerId: number) => string;
  timeZone: string;
  onShowAll: () => void;
}

/** Below the calendar: the picked day's items, or every day's, each on its studio-local day. */
export function ForecastDayList({
  forecast,
  selected,
  first,
  last,
  triggerName,
  timeZone,
  onShowAll,
}: Props) {
  const entriesOn = (date: string) =>
    forecast.items.filter((e) => studioTimeOfInstant(e.trigger_date, timeZone).startsWith(date));
  const section = (date: string, count: number) => (
    <ForecastDaySection
      key={date}
      date={date}
      count={count}
      entries={entriesOn(date)}
      triggerName={triggerName}
      timeZone={timeZone}
    />
  );
  if (selected === null) return <>{forecast.by_day.map((day) => section(day.date, day.count))}</>;
  return (
    <Stack>
      <Group>
        <Button variant="default" size="xs" onClick={onShowAll}>
          Show every day
        </Button>
      </Group>
      {selected < first || selected > last ? (
        <Text c="dimmed">
          {shortDayName(selected)} is outside the forecast’s window ({shortDayName(first)} to{' '}
          {shortDayName(last)}); pick a day in the calendar.
        </Text>
      ) : (
        section(selected, forecast.by_day.find((d) => d.date === selected)?.count ?? 0)
      )}
    </Stack>
  );
}
