import { Alert, Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  updateStudioSettings,
  type StudioSettingsChange,
  type StudioSettingsDetail,
} from '../../api/studio-settings-api';
import { formatInstant } from '../../format/format-instant';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';
import { WorkWeekInput } from './work-week-input';

type TextField = 'name' | 'time_zone' | 'sender_name' | 'sender_email' | 'sms_from_number' | 'sms_help_text';

const textOf = (settings: StudioSettingsDetail) => ({
  name: settings.name,
  time_zone: settings.time_zone,
  sender_name: settings.sender_name ?? '',
  sender_email: settings.sender_email ?? '',
  sms_from_number: settings.sms_from_number ?? '',
  sms_help_text: settings.sms_help_text ?? '',
});

/**
 * The studio's settings. Owners and admins change them (the whole form is sent; an empty optional
 * field means "not set"); staff see them read-only, as the API lets them.
 */
export function StudioSettingsForm({
  settings,
  canChange,
  onSaved,
}: {
  settings: StudioSettingsDetail;
  canChange: boolean;
  onSaved: (settings: StudioSettingsDetail) => void;
}) {
  const { api, studio } = useSession();
  const [text, setText] = useState(textOf(settings));
  const [workWeek, setWorkWeek] = useState(settings.work_week);
  const [unknownSenders, setUnknownSenders] = useState(settings.sms_unknown_sender_clients);
  const { fields, message, busy, submit } = useFormRequest();
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const input = (field: TextField) => ({
    value: text[field],
    error: fields[field],
    readOnly: !canChange,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setText((current) => ({ ...current, [field]: value }));
      setSavedAt(null);
    },
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const change: StudioSettingsChange = {
      name: text.name,
      time_zone: text.time_zone,
      work_week: workWeek,
      sender_name: text.sender_name || null,
      sender_email: text.sender_email || null,
      sms_from_number: text.sms_from_number || null,
      sms_help_text: text.sms_help_text || null,
      sms_unknown_sender_clients: unknownSenders,
    };
    await submit(async () => {
      const answer = await updateStudioSettings(api, change);
      setText(textOf(answer));
      setWorkWeek(answer.work_week);
      setSavedAt(answer.updated_at);
      onSaved(answer);
    });
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-label="Studio settings">
      <Stack maw={640}>
        {!canChange && (
          <Alert color="gray" title="Read only">
            Only owners and admins change the studio&apos;s settings.
          </Alert>
        )}
        {message && (
          <Alert color="red" role="alert" title="The settings were not saved">
            {message}
          </Alert>
        )}
        <TextInput label="Studio name" required {...input('name')} />
        <TextInput
          label="Time zone"
          description="An IANA time zone such as America/Chicago: every date and time of the studio is in it"
          required
          {...input('time_zone')}
        />
        <WorkWeekInput
          value={workWeek}
          onChange={(days) => {
            setWorkWeek(days);
            setSavedAt(null);
          }}
          error={fields.work_week}
          disabled={!canChange}
        />
        <TextInput label="Sender name" description="Who emails come from" {...input('sender_name')} />
        <TextInput label="Sender email" type="email" {...input('sender_email')} />
        <TextInput
          label="SMS from number"
          description="The studio's Twilio number, in international form (+15551234567)"
          {...input('sms_from_number')}
        />
        <Textarea
          label="SMS help text"
          description="The answer a client gets when they text HELP"
          rows={2}
          {...input('sms_help_text')}
        />
        <Switch
          label="Make a client of an unknown SMS sender"
          description="An SMS from a number no client has creates a new client (otherwise it waits in the inbox)"
          checked={unknownSenders}
          disabled={!canChange}
          onChange={(event) => {
            setUnknownSenders(event.currentTarget.checked);
            setSavedAt(null);
          }}
        />
        {canChange && (
          <Group>
            <Button type="submit" loading={busy}>
              Save settings
            </Button>
            {savedAt && (
              <Text role="status" c="green">
                Saved {formatInstant(savedAt, studio.time_zone)} ({studio.time_zone})
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
