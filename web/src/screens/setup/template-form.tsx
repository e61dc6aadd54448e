import { Alert, Select, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  createTemplate,
  updateTemplate,
  type Template,
  type TemplateChannel,
  type TemplateDraft,
} from '../../api/templates-api';
import { TEMPLATE_BASES } from '../../../../src/templates/template-bases';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';
import { SaveCancelButtons } from '../../shell/save-cancel-buttons';

// The server's own list (src/templates/template-bases.ts), bundled rather than written twice.
const BASES = TEMPLATE_BASES.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

/**
 * Creates or changes a template of one channel. The server lints every part on save; its problems
 * (with line and column) land under the part they belong to.
 */
export function TemplateForm({
  channel,
  template,
  onSaved,
  onCancel,
}: {
  channel: TemplateChannel;
  template: Template | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { api } = useSession();
  const [draft, setDraft] = useState<TemplateDraft>({
    name: template?.name ?? '',
    channel,
    basis: template?.basis ?? 'session',
    subject: template?.subject ?? null,
    body_html: template?.body_html ?? null,
    body_text: template?.body_text ?? null,
    is_inactive: template?.is_inactive ?? false,
  });
  const { fields, message, busy, submit } = useFormRequest();

  const text = (field: 'name' | 'subject' | 'body_html' | 'body_text') => ({
    value: draft[field] ?? '',
    error: fields[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [field]: field === 'name' ? value : value || null }));
    },
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit(() =>
      template ? updateTemplate(api, template.id, draft) : createTemplate(api, draft),
    );
    if (saved) onSaved();
  };

  const label = template ? `Edit “${template.name}”` : `New ${channel === 'sms' ? 'SMS' : channel} template`;
  return (
    <form onSubmit={(event) => void save(event)} aria-label={label}>
      <Stack maw={720}>
        <Title order={2} size="h4">
          {label}
        </Title>
        {message && (
          <Alert color="red" role="alert" title="The template was not saved">
            {message}
          </Alert>
        )}
        <TextInput label="Template name" required {...text('name')} />
        <Select
          label="Based on"
          description={
            template ? 'Fixed once the template exists' : 'The record whose merge fields it may use'
          }
          data={BASES}
          value={draft.basis}
          onChange={(value) => value && setDraft((current) => ({ ...current, basis: value }))}
          disabled={template !== null}
          error={fields.basis}
          allowDeselect={false}
        />
        {channel === 'email' && <TextInput label="Subject" required {...text('subject')} />}
        {channel !== 'sms' && (
          <Textarea
            label="HTML body"
            rows={6}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...text('body_html')}
          />
        )}
        <Textarea
          label={channel === 'sms' ? 'SMS text' : 'Plain-text body'}
          description={
            channel === 'sms'
              ? 'At most 1 600 characters; merge fields such as {{ client.first_name }}'
              : undefined
          }
          required={channel === 'sms'}
          rows={4}
          styles={{ input: { fontFamily: 'monospace' } }}
          {...text('body_text')}
        />
        <Switch
          label="Inactive"
          description="Kept on the triggers that use it, but no longer offered in the trigger editor"
          checked={draft.is_inactive}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setDraft((current) => ({ ...current, is_inactive: checked }));
          }}
          error={fields.is_inactive}
        />
        <SaveCancelButtons label="Save template" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
