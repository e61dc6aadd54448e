import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { deleteTemplate, listTemplates, type Template, type TemplateChannel } from '../../api/templates-api';
import { useSession } from '../../session/session-context';
import { ConfirmRemoval } from './confirm-removal';
import { TemplateForm } from './template-form';
import { TemplatePreviewModal } from './template-preview-modal';
import { TemplatesTable } from './templates-table';

const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'letter', label: 'Letter' },
];

/** The studio's templates of one channel: everyone previews them, owners and admins create, edit and delete them. */
export function TemplatesPanel({ canChange }: { canChange: boolean }) {
  const { api, studio } = useSession();
  const [channel, setChannel] = useState<TemplateChannel>('email');
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [previewing, setPreviewing] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setTemplates(null);
    listTemplates(api, channel).then(
      (page) => current && setTemplates(page.data),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, channel, reload]);

  if (editing)
    return (
      <TemplateForm
        channel={channel}
        template={editing === 'new' ? null : editing}
        onSaved={() => {
          setEditing(null);
          setReload((n) => n + 1);
        }}
        onCancel={() => setEditing(null)}
      />
    );

  const channelName = CHANNELS.find((c) => c.value === channel)?.label ?? channel;
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Channel"
          data={CHANNELS}
          value={channel}
          onChange={(value) => setChannel(value as TemplateChannel)}
        />
        {canChange && <Button onClick={() => setEditing('new')}>New {channelName} template</Button>}
      </Group>
      {error && (
        <Alert color="red" role="alert" title="The templates could not be loaded">
          {error}
        </Alert>
      )}
      {templates && templates.length === 0 && (
        <Text>
          No {channelName} templates yet.{' '}
          {canChange ? `Create one with New ${channelName} template.` : 'An owner or admin creates them.'}
        </Text>
      )}
      {templates && templates.length > 0 && (
        <TemplatesTable
          label={`${channelName} templates`}
          templates={templates}
          timeZone={studio.time_zone}
          canChange={canChange}
          onEdit={setEditing}
          onPreview={setPreviewing}
          onDelete={setDeleting}
        />
      )}
      {previewing && <TemplatePreviewModal template={previewing} onClose={() => setPreviewing(null)} />}
      {deleting && (
        <ConfirmRemoval
          title={`Delete “${deleting.name}”?`}
          consequence="The template is deleted for good. A template a trigger still uses cannot be deleted."
          confirmLabel="Delete template"
          onConfirm={async () => {
            await deleteTemplate(api, deleting.id);
            setReload((n) => n + 1);
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
