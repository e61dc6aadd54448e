import { Table, Text } from '@mantine/core';
import type { ForecastDay } from '../../api/insight-api';
import { CalendarDayCell } from './calendar-day-cell';
import { calendarWeeks } from './calendar-weeks';
import { dayAndMonth, dayDescription, shortDayName } from './day-description';
import { useRovingDay } from './use-roving-day';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_OFF = 'var(--mantine-color-gray-1)';

interface Props {
  /** The window's first and last studio-local dates; the first is today. */
  first: string;
  last: string;
  days: readonly ForecastDay[];
  workWeek: readonly number[];
  selected: string | null;
  onSelect: (date: string) => void;
  triggerName: (triggerId: number) => string;
  colour: (triggerId: number) => string;
}

/**
 * The window as a month-style calendar, a week a row from Monday, in the studio's days. Days the
 * studio does not work are shaded; days before today and after the window fill the first and last
 * week, dimmed and empty. Each day of the window is a button that shows that day below.
 */
export function ForecastCalendar({ first, last, days, workWeek, selected, onSelect, ...names }: Props) {
  const weeks = calendarWeeks(first, last);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const windowDates = weeks.flat().flatMap((d) => (d.inWindow ? [d.date] : []));
  const roving = useRovingDay(windowDates, selected && windowDates.includes(selected) ? selected : first);
  const firstCell = weeks[0]?.[0]?.date;
  return (
    <Table
      layout="fixed"
      withTableBorder
      withColumnBorders
      horizontalSpacing={0}
      verticalSpacing={0}
      aria-label={`Calendar from ${shortDayName(first)} to ${shortDayName(last)}`}
    >
      <Table.Thead>
        <Table.Tr>
          {WEEKDAYS.map((name, i) => (
            <Table.Th key={name} ta="center" py={4} bg={workWeek.includes(i + 1) ? undefined : DAY_OFF}>
              {name}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={week[0]?.date}>
            {week.map((day) => {
              const workDay = workWeek.includes(day.weekday);
              const label =
                day.date === firstCell || day.date.endsWith('-01')
                  ? dayAndMonth(day.date)
                  : String(Number(day.date.slice(8)));
              return (
                <Table.Td key={day.date} bg={workDay ? undefined : DAY_OFF} style={{ verticalAlign: 'top' }}>
                  {day.inWindow ? (
                    <CalendarDayCell
                      date={day.date}
                      label={label}
                      description={dayDescription(day.date, byDate.get(day.date), names.triggerName, workDay)}
                      due={byDate.get(day.date)}
                      today={day.date === first}
                      selected={day.date === selected}
                      tabbable={day.date === roving.tabbable}
                      onSelect={onSelect}
                      onKeyDown={roving.onKeyDown}
                      onFocus={roving.onFocus}
                      buttonRef={roving.register(day.date)}
                      {...names}
                    />
                  ) : (
                    <Text size="xs" c="dimmed" p={8} opacity={0.6}>
                      {label}
                    </Text>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
