import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, Ref } from 'react';
import type { ForecastDay } from '../../api/insight-api';
import { TriggerDot } from './trigger-dot';

interface Props {
  date: string;
  /** "25", or "1 Dec" on the first cell and the first of a month. */
  label: string;
  description: string;
  due: ForecastDay | undefined;
  today: boolean;
  selected: boolean;
  tabbable: boolean;
  triggerName: (triggerId: number) => string;
  colour: (triggerId: number) => string;
  onSelect: (date: string) => void;
  onKeyDown: (date: string, event: KeyboardEvent) => void;
  onFocus: (date: string) => void;
  buttonRef: Ref<HTMLButtonElement>;
}

const SHOWN_BY_NAME = 2;
const SHOWN_AS_DOTS = 4;

/**
 * A day of the window: its number, how many items fall due, and which triggers they are from —
 * by name on wide screens, as coloured dots on a tablet, where a seventh of the width is too narrow
 * for names (the accessible name and the day list below carry the breakdown there).
 */
export function CalendarDayCell(props: Props) {
  const { date, label, description, due, today, selected, tabbable, triggerName, colour } = props;
  const triggers = due?.triggers ?? [];
  return (
    <UnstyledButton
      ref={props.buttonRef}
      w="100%"
      mih={88}
      p={6}
      aria-label={description}
      aria-pressed={selected}
      aria-current={today ? 'date' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => props.onSelect(date)}
      onKeyDown={(event) => props.onKeyDown(date, event)}
      onFocus={() => props.onFocus(date)}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
      bd={selected ? '2px solid var(--mantine-primary-color-filled)' : '2px solid transparent'}
      // A button centres its content vertically; a column keeps the day number at the top.
      style={{ display: 'flex', flexDirection: 'column', justifyContent: 'flex-start' }}
    >
      <Stack gap={2} align="flex-start">
        <Text
          size="xs"
          fw={today ? 700 : 400}
          px={today ? 6 : 0}
          bg={today ? 'var(--mantine-primary-color-filled)' : undefined}
          c={today ? 'white' : undefined}
          style={{ borderRadius: 'var(--mantine-radius-xl)' }}
        >
          {label}
        </Text>
        {due && due.count > 0 && (
          <Text size="sm" fw={600}>
            {due.count} due
          </Text>
        )}
        <Stack gap={0} w="100%" visibleFrom="lg">
          {triggers.slice(0, SHOWN_BY_NAME).map((t) => (
            <Group key={t.trigger_id} gap={4} wrap="nowrap">
              <TriggerDot colour={colour(t.trigger_id)} />
              <Text size="xs" truncate="end">
                {t.count} {triggerName(t.trigger_id)}
              </Text>
            </Group>
          ))}
          {triggers.length > SHOWN_BY_NAME && (
            <Text size="xs" c="dimmed">
              +{triggers.length - SHOWN_BY_NAME} more
            </Text>
          )}
        </Stack>
        <Group gap={3} hiddenFrom="lg">
          {triggers.slice(0, SHOWN_AS_DOTS).map((t) => (
            <TriggerDot key={t.trigger_id} colour={colour(t.trigger_id)} />
          ))}
          {triggers.length > SHOWN_AS_DOTS && (
            <Box component="span" fz="xs" c="dimmed">
              +{triggers.length - SHOWN_AS_DOTS}
            </Box>
          )}
        </Group>
      </Stack>
    </UnstyledButton>
  );
}
