import { Checkbox, Group, Text } from '@mantine/core';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_RECORD_KINDS,
  type AttachmentKind,
} from '../../../../src/domain/triggers/attachment-kinds';

interface Props {
  /** The trigger type's record kind: it decides which attachments can be made. */
  recordKind: string;
  value: unknown;
  errors: Readonly<Record<string, string>>;
  onChange: (attachments: AttachmentKind[] | null) => void;
}

const LABELS: Record<AttachmentKind, string> = {
  session_confirmation_pdf: 'Session confirmation (PDF)',
  invoice_pdf: 'Invoice (PDF)',
  ics_invitation: 'Calendar entry (.ics)',
};

/**
 * The files an email carries. Only the kinds the trigger's records can produce are offered (the
 * server's own list, src/domain/triggers/attachment-kinds.ts), so a type without any shows a note.
 */
export function AttachmentFields({ recordKind, value, errors, onChange }: Props) {
  const chosen = Array.isArray(value) ? (value as AttachmentKind[]) : [];
  // A kind chosen before the trigger type changed stays visible, so that it can be unticked.
  const offered = ATTACHMENT_KINDS.filter(
    (kind) =>
      (ATTACHMENT_RECORD_KINDS[kind] as readonly string[]).includes(recordKind) || chosen.includes(kind),
  );
  // The API names a bad entry by its place in the list (action_settings.attachments.1).
  const problem = Object.entries(errors)
    .filter(([path]) => path.startsWith('action_settings.attachments'))
    .map(([, message]) => message)
    .join('; ');
  if (offered.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Attachments: none can be made from these records (session and appointment triggers can attach a
        calendar entry, invoice triggers the invoice).
      </Text>
    );
  }
  return (
    <Checkbox.Group
      label="Attachments"
      description="Files added to the email, made from the record when it is sent"
      value={chosen}
      error={problem || undefined}
      onChange={(next) => onChange(next.length ? offered.filter((kind) => next.includes(kind)) : null)}
    >
      <Group gap="md" mt={4}>
        {offered.map((kind) => (
          <Checkbox key={kind} value={kind} label={LABELS[kind]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
