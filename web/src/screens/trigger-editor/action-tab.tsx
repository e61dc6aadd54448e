import { Checkbox, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { EditorCatalog, TriggerInput } from '../../api/trigger-editor-api';
import { describeSegments, smsSegments } from '../../format/sms-segments';
import { ReferralFields } from './referral-fields';
import { SendToFields } from './send-to-fields';
import { TemplateSelect } from './template-select';
import { idOf, idValue, useCatalogOptions } from './use-catalog-options';
import { useListOptions } from './use-list-options';

interface Props {
  draft: TriggerInput;
  catalog: EditorCatalog;
  errors: Readonly<Record<string, string>>;
  onChange: (draft: TriggerInput) => void;
}

const TEMPLATE_KEYS = {
  email_template_id: 'email',
  sms_template_id: 'sms',
  letter_template_id: 'letter',
} as const;

/**
 * The action and what it needs, in the reference's order: templates, call or task details, Send To,
 * Referral Program Options, and the status to set afterwards. Only the settings of the chosen
 * action are shown (the API refuses the others).
 */
export function ActionTab({ draft, catalog, errors, onChange }: Props) {
  const type = catalog.types.find((t) => t.name === draft.trigger_type);
  const action = catalog.actions.find((a) => a.name === draft.action);
  const keys = new Set([...(action?.required_settings ?? []), ...(action?.optional_settings ?? [])]);
  const settings = draft.action_settings;
  const kind = type?.record_kind ?? null;
  const statuses = useCatalogOptions('statuses', kind);
  const callTypes = useCatalogOptions('types', keys.has('call_type_id') ? 'phone_call' : null);
  const taskTypes = useCatalogOptions('types', keys.has('task_type_id') ? 'task' : null);
  const departments = useListOptions(keys.has('department_id') ? '/departments' : null);
  const setting = (name: string, value: unknown) => {
    const next = { ...settings, [name]: value };
    if (value === null || value === undefined || value === '' || value === false) delete next[name];
    onChange({ ...draft, action_settings: next });
  };
  const err = (name: string) => errors[`action_settings.${name}`];

  if (!type) return <p>Choose a trigger type on the General tab first: it decides which actions fit.</p>;
  return (
    <Stack gap="md">
      <Select
        label="Action"
        required
        searchable
        placeholder="Choose what the trigger does"
        data={catalog.actions
          .filter((a) => type.actions.includes(a.name))
          .map((a) => ({ value: a.name, label: a.label }))}
        value={draft.action || null}
        error={errors['action'] ?? errors['action_settings']}
        onChange={(value) => value && onChange({ ...draft, action: value, action_settings: {} })}
      />
      {(Object.keys(TEMPLATE_KEYS) as (keyof typeof TEMPLATE_KEYS)[])
        .filter((key) => keys.has(key))
        .map((key) => (
          <TemplateSelect
            key={key}
            channel={TEMPLATE_KEYS[key]}
            basis={type.record_kind}
            value={settings[key]}
            error={err(key)}
            onChange={(id) => setting(key, id)}
          />
        ))}
      {keys.has('sms_text') && (
        <Textarea
          label="Confirmation text"
          required
          autosize
          minRows={2}
          maxLength={640}
          value={String(settings.sms_text ?? '')}
          description={describeSegments(smsSegments(String(settings.sms_text ?? '')))}
          error={err('sms_text')}
          onChange={(event) => setting('sms_text', event.currentTarget.value)}
        />
      )}
      {keys.has('call_type_id') && (
        <Select
          label="Call type"
          required
          data={callTypes}
          value={idValue(settings.call_type_id)}
          error={err('call_type_id')}
          onChange={(v) => setting('call_type_id', idOf(v))}
        />
      )}
      {keys.has('task_type_id') && (
        <Select
          label="Task type"
          required
          data={taskTypes}
          value={idValue(settings.task_type_id)}
          error={err('task_type_id')}
          onChange={(v) => setting('task_type_id', idOf(v))}
        />
      )}
      {keys.has('subject') && (
        <TextInput
          label="Subject"
          required={action?.required_settings.includes('subject')}
          value={String(settings.subject ?? '')}
          error={err('subject')}
          onChange={(e) => setting('subject', e.currentTarget.value)}
        />
      )}
      {keys.has('description') && (
        <Textarea
          label="Description"
          autosize
          value={String(settings.description ?? '')}
          error={err('description')}
          onChange={(e) => setting('description', e.currentTarget.value)}
        />
      )}
      {keys.has('department_id') && (
        <Select
          label="Department"
          clearable
          placeholder="None"
          data={departments}
          value={idValue(settings.department_id)}
          error={err('department_id')}
          onChange={(v) => setting('department_id', idOf(v))}
        />
      )}
      {keys.has('due_in_business_days') && (
        <NumberInput
          label="Due in business days"
          min={0}
          max={365}
          allowDecimal={false}
          value={typeof settings.due_in_business_days === 'number' ? settings.due_in_business_days : ''}
          error={err('due_in_business_days')}
          onChange={(v) => setting('due_in_business_days', typeof v === 'number' ? v : null)}
        />
      )}
      {keys.has('send_to') && (
        <SendToFields
          value={settings.send_to as never}
          errors={errors}
          onChange={(v) => setting('send_to', v)}
        />
      )}
      {keys.has('referral') && (
        <ReferralFields
          value={settings.referral as never}
          errors={errors}
          onChange={(v) => setting('referral', v)}
        />
      )}
      {keys.has('transactional') && (
        <Checkbox
          label="Transactional: a service message, not marketing"
          checked={settings.transactional === true}
          onChange={(e) => setting('transactional', e.currentTarget.checked)}
        />
      )}
      {draft.action && (
        <Select
          label="Then set the status to"
          required={draft.action === 'status_change_only'}
          clearable
          placeholder="Leave the status as it is"
          data={statuses}
          value={idValue(draft.then_status_id)}
          error={errors['then_status_id']}
          onChange={(v) => onChange({ ...draft, then_status_id: idOf(v) })}
        />
      )}
    </Stack>
  );
}
