import { Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import type { EditorTriggerType, TriggerInput } from '../../api/trigger-editor-api';

interface Props {
  draft: TriggerInput;
  type: EditorTriggerType | undefined;
  errors: Readonly<Record<string, string>>;
  onChange: (draft: TriggerInput) => void;
}

/** What each switch leaves out, in the product's words (SPEC §3.3). */
const LABELS: Record<string, string> = {
  date_is_past: 'Triggered Date is Past: skip items whose date has already gone by',
  allow_marketing: 'Only clients who allow marketing',
  on_hold: 'Not when the record is on hold',
  confirmed: 'Only when the record is confirmed',
  canceled: 'Not when the record is canceled',
  nps_recorded: 'Only while no NPS score is recorded',
  nps_comment_required: 'Only when the NPS score has a comment',
  include_fully_redeemed: 'Include fully redeemed rewards',
};

type Range = { min: number; max: number } | null;

/** The exclusions the chosen type allows, and no others (the API refuses the rest). */
export function ExclusionsTab({ draft, type, errors, onChange }: Props) {
  if (!type)
    return <Text>Choose a trigger type on the General tab first: it decides which exclusions apply.</Text>;
  const set = (name: string, value: unknown) => {
    const next = { ...draft.exclusions, [name]: value };
    if (!value) delete next[name];
    onChange({ ...draft, exclusions: next });
  };
  const range = (draft.exclusions.nps_range as Range | undefined) ?? null;
  return (
    <Stack gap="sm">
      {type.exclusions
        .filter((name) => name !== 'nps_range')
        .map((name) => (
          <Checkbox
            key={name}
            label={LABELS[name] ?? name}
            checked={draft.exclusions[name] === true}
            error={errors[`exclusions.${name}`]}
            onChange={(e) => set(name, e.currentTarget.checked)}
          />
        ))}
      {type.exclusions.includes('nps_range') && (
        <Stack gap={4}>
          <Checkbox
            label="Only NPS scores in a range"
            checked={range !== null}
            onChange={(e) => set('nps_range', e.currentTarget.checked ? { min: 0, max: 10 } : null)}
          />
          {range && (
            <Group gap="sm">
              {(['min', 'max'] as const).map((end) => (
                <NumberInput
                  key={end}
                  label={end === 'min' ? 'Lowest score' : 'Highest score'}
                  w={140}
                  min={0}
                  max={10}
                  allowDecimal={false}
                  value={range[end]}
                  error={errors[`exclusions.nps_range.${end}`]}
                  onChange={(v) => set('nps_range', { ...range, [end]: Number(v) || 0 })}
                />
              ))}
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
