import { Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import type { TriggerInput } from '../../api/trigger-editor-api';

interface Props {
  draft: TriggerInput;
  timeZone: string;
  errors: Readonly<Record<string, string>>;
  onChange: (draft: TriggerInput) => void;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Manual or by the Control Center, the hours it may act in and the weekdays it may not. */
export function ProcessingTab({ draft, timeZone, errors, onChange }: Props) {
  const frame = draft.time_frame;
  const setFrame = (patch: Partial<TriggerInput['time_frame']>) =>
    onChange({ ...draft, time_frame: { ...frame, ...patch } });
  return (
    <Stack gap="md">
      <Radio.Group
        label="Processing"
        value={draft.processing}
        error={errors['processing']}
        onChange={(value) => onChange({ ...draft, processing: value as 'manual' | 'automatic' })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="manual" label="Manual: items wait in Process Triggers for staff" />
          <Radio value="automatic" label="Control Center: processed automatically" />
        </Stack>
      </Radio.Group>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={`From (${timeZone})`}
          type="time"
          w={160}
          description="Empty: all day"
          value={frame.from ?? ''}
          error={errors['time_frame.from'] ?? errors['time_frame']}
          onChange={(e) => setFrame({ from: e.currentTarget.value || null })}
        />
        <TextInput
          label={`To (${timeZone})`}
          type="time"
          w={160}
          value={frame.to ?? ''}
          error={errors['time_frame.to']}
          onChange={(e) => setFrame({ to: e.currentTarget.value || null })}
        />
      </Group>
      <Checkbox.Group
        label="Do not process on"
        value={frame.blocked_weekdays.map(String)}
        error={errors['time_frame.blocked_weekdays']}
        onChange={(values) => setFrame({ blocked_weekdays: values.map(Number).sort() })}
      >
        <Group gap="md" mt="xs">
          {WEEKDAYS.map((day, index) => (
            <Checkbox key={day} value={String(index + 1)} label={day} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
