import { Select, Stack } from '@mantine/core';
import { SmsTemplateCard } from './sms-template-card';
import { idOf, idValue } from './use-catalog-options';
import { useListOptions } from './use-list-options';

interface Props {
  channel: 'email' | 'sms' | 'letter';
  basis: string;
  value: unknown;
  error: string | undefined;
  onChange: (id: number | null) => void;
}

const LABELS = { email: 'Email template', sms: 'SMS template', letter: 'Letter template' } as const;

/** One of the studio's active templates of the channel, written for the trigger's records. */
export function TemplateSelect({ channel, basis, value, error, onChange }: Props) {
  const templates = useListOptions('/templates', { channel, basis, is_inactive: 'false' });
  const id = idValue(value);
  return (
    <Stack gap="xs">
      <Select
        label={LABELS[channel]}
        required
        searchable
        placeholder={templates.length ? 'Choose a template' : `No ${channel} templates for these records yet`}
        data={templates}
        value={id}
        error={error}
        onChange={(next) => onChange(idOf(next))}
      />
      {channel === 'sms' && id && <SmsTemplateCard templateId={Number(id)} basis={basis} />}
    </Stack>
  );
}
