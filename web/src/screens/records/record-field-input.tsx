import { Checkbox, JsonInput, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { useSession } from '../../session/session-context';
import { choiceLabel } from './format-field-value';
import type { DraftValue } from './record-draft';
import { RefPicker } from './ref-picker';

interface Props {
  kind: RecordKind;
  field: FieldDef;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  error?: string;
  disabled?: boolean;
}

/** The input of one field, chosen by its type in the registry, with its limits and its error. */
export function RecordFieldInput({ kind, field, value, onChange, error, disabled }: Props) {
  const { studio } = useSession();
  const common = { label: field.label, required: field.required, error, disabled };
  const text = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);
  switch (field.type) {
    case 'bool':
      return (
        <Checkbox
          label={field.label}
          checked={Boolean(value)}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error}
          disabled={disabled}
        />
      );
    case 'int':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={value === null ? '' : (value as number | string)}
          onChange={(next) => onChange(next)}
          min={field.min === undefined ? undefined : field.type === 'money' ? field.min / 100 : field.min}
          max={field.max}
          allowDecimal={field.type === 'money'}
          decimalScale={field.type === 'money' ? 2 : 0}
          description={field.type === 'money' ? 'An amount, e.g. 125.50' : undefined}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          rows={3}
          maxLength={field.maxLength}
          value={String(value ?? '')}
          onChange={text}
        />
      );
    case 'json':
      return (
        <JsonInput
          {...common}
          rows={4}
          formatOnBlur
          validationError="Not valid JSON"
          description="A JSON object or list"
          value={String(value ?? '')}
          onChange={(next) => onChange(next)}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={(field.choices ?? []).map((choice) => ({ value: choice, label: choiceLabel(choice) }))}
          value={(value as string | null) || null}
          onChange={(next) => onChange(next)}
          clearable={!field.required}
        />
      );
    case 'ref':
      return (
        <RefPicker
          kind={kind}
          field={field}
          value={(value as string | null) || null}
          onChange={onChange}
          error={error}
          disabled={disabled}
        />
      );
    case 'date':
    case 'datetime':
      return (
        <TextInput
          {...common}
          label={field.type === 'datetime' ? `${field.label} (${studio.time_zone})` : field.label}
          type={field.type === 'date' ? 'date' : 'datetime-local'}
          value={String(value ?? '')}
          onChange={text}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
          maxLength={field.maxLength}
          value={String(value ?? '')}
          onChange={text}
        />
      );
  }
}
