import { Checkbox, Group } from '@mantine/core';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The studio's working days as ISO weekdays (1 Monday … 7 Sunday), one checkbox each. */
export function WorkWeekInput({
  value,
  onChange,
  error,
  disabled,
}: {
  value: number[];
  onChange: (days: number[]) => void;
  error?: string | undefined;
  disabled: boolean;
}) {
  return (
    <Checkbox.Group
      label="Work week"
      description="The days the studio works: business-day offsets of triggers skip the others"
      value={value.map(String)}
      onChange={(days) => onChange(days.map(Number).sort((a, b) => a - b))}
      error={error}
    >
      <Group mt="xs" gap="md">
        {WEEKDAYS.map((day, index) => (
          <Checkbox key={day} value={String(index + 1)} label={day} disabled={disabled} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
