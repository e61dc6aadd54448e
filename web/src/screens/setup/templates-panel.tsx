import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { listTemplates, type Template, type TemplateChannel } from '../../api/templates-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { TemplateForm } from './template-form';

const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'letter', label: 'Letter' },
];

/** The studio's templates of one channel; owners and admins create and edit them. */
export function TemplatesPanel({ canChange }: { canChange: boolean }) {
  const { api, studio } = useSession();
  const [channel, setChannel] = useState<TemplateChannel>('email');
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
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
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={`${channelName} templates`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Based on</Table.Th>
                <Table.Th>Changed ({studio.time_zone})</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Td>
                    {canChange ? (
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(template)}>
                        {template.name}
                      </Button>
                    ) : (
                      template.name
                    )}
                  </Table.Td>
                  <Table.Td>{template.basis.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{formatInstant(template.updated_at, studio.time_zone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
