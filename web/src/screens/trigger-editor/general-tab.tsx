import { Group, Select, Stack, TextInput } from '@mantine/core';
import type { EditorCatalog, TriggerInput } from '../../api/trigger-editor-api';
import { OffsetFields } from './offset-fields';
import { withType } from './trigger-draft';
import { idOf, idValue, useCatalogOptions } from './use-catalog-options';

interface Props {
  draft: TriggerInput;
  catalog: EditorCatalog;
  errors: Readonly<Record<string, string>>;
  onChange: (draft: TriggerInput) => void;
}

/** Name, type, the type's filters (status, type, email event, keyword) and the date it counts from. */
export function GeneralTab({ draft, catalog, errors, onChange }: Props) {
  const type = catalog.types.find((t) => t.name === draft.trigger_type);
  const statuses = useCatalogOptions(
    'statuses',
    type && type.filter.status !== 'none' ? type.record_kind : null,
  );
  const types = useCatalogOptions(
    'types',
    type && type.filter.type !== 'none' ? type.filter.type_kind : null,
  );
  const dateOption = type?.date_options.find((d) => d.name === draft.date_option);
  const set = (patch: Partial<TriggerInput>) => onChange({ ...draft, ...patch });

  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        required
        maxLength={100}
        value={draft.name}
        error={errors['name']}
        onChange={(event) => set({ name: event.currentTarget.value })}
      />
      <Select
        label="Trigger type"
        required
        searchable
        placeholder="Choose what the trigger watches"
        data={catalog.types.map((t) => ({ value: t.name, label: t.label }))}
        value={draft.trigger_type || null}
        error={errors['trigger_type']}
        onChange={(value) => {
          const next = catalog.types.find((t) => t.name === value);
          if (next) onChange(withType(draft, next));
        }}
      />
      {type && (
        <Group align="flex-start" gap="sm" wrap="wrap">
          {type.filter.status !== 'none' && (
            <Select
              label="Status"
              required={type.filter.status === 'required'}
              placeholder={type.filter.status === 'required' ? 'Choose a status' : 'Any status'}
              clearable
              searchable
              w={260}
              data={statuses}
              value={idValue(draft.filter_status_id)}
              error={errors['filter_status_id']}
              onChange={(value) => set({ filter_status_id: idOf(value) })}
            />
          )}
          {type.filter.type !== 'none' && (
            <Select
              label="Type"
              required={type.filter.type === 'required'}
              placeholder={type.filter.type === 'required' ? 'Choose a type' : 'Any type'}
              clearable
              searchable
              w={260}
              data={types}
              value={idValue(draft.filter_type_id)}
              error={errors['filter_type_id']}
              onChange={(value) => set({ filter_type_id: idOf(value) })}
            />
          )}
          {type.email_events && (
            <Select
              label="Email event"
              required
              w={200}
              data={[...type.email_events]}
              value={draft.email_event ?? null}
              error={errors['email_event']}
              onChange={(value) => set({ email_event: value })}
            />
          )}
          {type.keyword === 'required' && (
            <TextInput
              label="Keyword"
              required
              description="One word; replies that start with it fire the trigger"
              w={260}
              value={draft.keyword ?? ''}
              error={errors['keyword']}
              onChange={(event) => set({ keyword: event.currentTarget.value })}
            />
          )}
        </Group>
      )}
      {type && (
        <Select
          label="Date option"
          required
          allowDeselect={false}
          data={type.date_options.map((d) => ({ value: d.name, label: d.label }))}
          value={draft.date_option || null}
          error={errors['date_option']}
          onChange={(value) => value && set({ date_option: value, offset: { when: 'on' } })}
        />
      )}
      {dateOption && (
        <OffsetFields
          offset={draft.offset}
          allowed={dateOption.offset_when}
          errors={errors}
          onChange={(offset) => set({ offset })}
        />
      )}
    </Stack>
  );
}
