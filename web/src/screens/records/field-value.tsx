import { Anchor, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { useSession } from '../../session/session-context';
import { formatFieldValue } from './format-field-value';
import { refTargetOf } from './ref-target';
import { refTitle } from './ref-titles';

/** One field's value as staff read it; a ref by the referred record's name, linked to it. */
export function FieldValue({ kind, field, value }: { kind: RecordKind; field: FieldDef; value: unknown }) {
  const { studio } = useSession();
  if (field.type === 'ref' && typeof value === 'number')
    return <RefValue kind={kind} field={field} id={value} />;
  const text = formatFieldValue(field, value, studio.time_zone);
  if (field.type === 'json' && value != null) {
    return (
      <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
        {text}
      </Text>
    );
  }
  return <span style={{ whiteSpace: field.type === 'long_text' ? 'pre-wrap' : undefined }}>{text}</span>;
}

function RefValue({ kind, field, id }: { kind: RecordKind; field: FieldDef; id: number }) {
  const { api, studio } = useSession();
  const target = refTargetOf(kind, field);
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void refTitle(api, target, id, studio.time_zone).then((name) => current && setTitle(name));
    return () => {
      current = false;
    };
  }, [api, target.path, id, studio.time_zone]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = title ?? `#${id}`;
  if (target.kind?.category !== 'record') return <span>{shown}</span>;
  return (
    <Anchor component={Link} to={`/records/${target.path}/${id}`}>
      {shown}
    </Anchor>
  );
}
