import { Checkbox, Select, Stack, Textarea } from '@mantine/core';
import type { EditorCatalog, TriggerInput } from '../../api/trigger-editor-api';
import { describeSegments, smsSegments } from '../../format/sms-segments';
import { AttachmentFields } from './attachment-fields';
import { ReferralFields } from './referral-fields';
import { SendToFields } from './send-to-fields';
import { TemplateSelect } from './template-select';
import { idOf, idValue, useCatalogOptions } from './use-catalog-options';
import { useListOptions } from './use-list-options';
import { WorkFields } from './work-fields';

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
 * The action and what it needs, in the reference's order: templates and attachments, call or task
 * details, the web form, Send To, Referral Program Options, and the status to set afterwards. Only the settings of the chosen
 * action are shown (the API refuses the others).
 */
export function ActionTab({ draft, catalog, errors, onChange }: Props) {
  const type = catalog.types.find((t) => t.name === draft.trigger_type);
  const action = catalog.actions.find((a) => a.name === draft.action);
  const required = new Set(action?.required_settings ?? []);
  const keys = new Set([...required, ...(action?.optional_settings ?? [])]);
  const settings = draft.action_settings;
  const kind = type?.record_kind ?? null;
  const statuses = useCatalogOptions('statuses', kind);
  const webForms = useListOptions(keys.has('web_form_template_id') ? '/web-form-templates' : null, {
    is_inactive: 'false',
  });
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
      {keys.has('attachments') && (
        <AttachmentFields
          recordKind={type.record_kind}
          value={settings.attachments}
          errors={errors}
          onChange={(v) => setting('attachments', v)}
        />
      )}
      <WorkFields keys={keys} required={required} settings={settings} error={err} setting={setting} />
      {keys.has('web_form_template_id') && (
        <Select
          label="Web form template"
          required
          searchable
          placeholder={webForms.length ? 'Choose a form' : 'No active web form templates yet'}
          description="The form sent to the client: its link goes by email, else by SMS"
          data={webForms}
          value={idValue(settings.web_form_template_id)}
          error={err('web_form_template_id')}
          onChange={(v) => setting('web_form_template_id', idOf(v))}
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
