import { Stack, Title } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { RecordForm } from './record-form';
import { RecordsBreadcrumbs } from './records-breadcrumbs';
import { kindByPath } from './screen-kinds';
import { UnknownKind } from './unknown-kind';

/**
 * /records/:path/new — a new record. Fields named in the address start filled in
 * (`/records/family-members/new?client_id=12`), which is how "Add family member" on a client works.
 */
export function NewRecordScreen() {
  const { path } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const kind = kindByPath(path);
  if (!kind || kind.category !== 'record') return <UnknownKind path={path} />;
  const prefill: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const given = params.get(field.name);
    if (given !== null) prefill[field.name] = field.type === 'ref' ? Number(given) : given;
  }
  const back = params.get('back') ?? `/records/${kind.path}`;
  return (
    <Stack>
      <RecordsBreadcrumbs kind={kind} here="New" />
      <Title order={1}>New {kind.label.toLowerCase()}</Title>
      <RecordForm
        kind={kind}
        record={null}
        prefill={prefill}
        onSaved={(record) => void navigate(`/records/${kind.path}/${record.id}`)}
        onCancel={() => void navigate(back.startsWith('/records/') ? back : `/records/${kind.path}`)}
      />
    </Stack>
  );
}
