import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { idOf, idValue, useCatalogOptions } from './use-catalog-options';
import { useListOptions } from './use-list-options';

interface Props {
  /** The settings the chosen action takes (required and optional). */
  keys: ReadonlySet<string>;
  required: ReadonlySet<string>;
  settings: Readonly<Record<string, unknown>>;
  error: (name: string) => string | undefined;
  setting: (name: string, value: unknown) => void;
}

/**
 * What a phone-call or task action writes on the record it creates: its type, subject and
 * description, who has it (a staff member and/or a department) and, for tasks, when it is due.
 */
export function WorkFields({ keys, required, settings, error, setting }: Props) {
  const callTypes = useCatalogOptions('types', keys.has('call_type_id') ? 'phone_call' : null);
  const taskTypes = useCatalogOptions('types', keys.has('task_type_id') ? 'task' : null);
  const members = useListOptions(keys.has('assigned_user_id') ? '/users' : null);
  const departments = useListOptions(keys.has('department_id') ? '/departments' : null);
  const idSelect = (name: string, label: string, data: { value: string; label: string }[], none?: string) =>
    keys.has(name) && (
      <Select
        label={label}
        required={required.has(name)}
        clearable={!required.has(name)}
        searchable
        placeholder={none}
        data={data}
        value={idValue(settings[name])}
        error={error(name)}
        onChange={(v) => setting(name, idOf(v))}
      />
    );
  return (
    <>
      {idSelect('call_type_id', 'Call type', callTypes)}
      {idSelect('task_type_id', 'Task type', taskTypes)}
      {keys.has('subject') && (
        <TextInput
          label="Subject"
          required={required.has('subject')}
          maxLength={200}
          value={String(settings.subject ?? '')}
          error={error('subject')}
          onChange={(e) => setting('subject', e.currentTarget.value)}
        />
      )}
      {keys.has('description') && (
        <Textarea
          label="Description"
          autosize
          maxLength={2000}
          value={String(settings.description ?? '')}
          error={error('description')}
          onChange={(e) => setting('description', e.currentTarget.value)}
        />
      )}
      {idSelect('assigned_user_id', 'Assigned user', members, 'Nobody')}
      {idSelect('department_id', 'Department', departments, 'None')}
      {keys.has('due_in_business_days') && (
        <NumberInput
          label="Due in business days"
          description="Counted on the studio's work week from the day the task is made; empty: due the day it is made"
          min={0}
          max={365}
          allowDecimal={false}
          value={typeof settings.due_in_business_days === 'number' ? settings.due_in_business_days : ''}
          error={error('due_in_business_days')}
          onChange={(v) => setting('due_in_business_days', typeof v === 'number' ? v : null)}
        />
      )}
    </>
  );
}
