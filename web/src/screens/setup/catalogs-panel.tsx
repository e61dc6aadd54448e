import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RecordData } from '../../api/records-api';
import { choiceLabel } from '../records/format-field-value';
import { RecordList } from '../records/record-list';
import { CATALOG_OPTIONS, catalogChoiceOf, subKindOptions } from './catalog-choice';
import { CatalogEntryEditor } from './catalog-entry-editor';

/**
 * The studio's catalogs (statuses with their durations, types, relationships, departments,
 * referral programs, web form templates), listed and edited with the same registry-driven list and
 * form as records. Owners and admins change them; staff read them.
 */
export function CatalogsPanel({ canChange }: { canChange: boolean }) {
  const [params, setParams] = useSearchParams();
  const choice = catalogChoiceOf(params);
  const { kind, of } = choice;
  const [editing, setEditing] = useState<RecordData | 'new' | null>(null);
  const [reload, setReload] = useState(0);
  const choose = (catalog: string, sub: string | null) => {
    setEditing(null);
    setParams({ tab: 'catalogs', catalog, ...(sub ? { of: sub } : {}) });
  };
  const noun = kind.label.toLowerCase();
  const listName = of ? `${kind.plural} of ${choiceLabel(of)}` : kind.plural;

  if (editing) {
    return (
      <CatalogEntryEditor
        choice={choice}
        entry={editing === 'new' ? null : editing}
        onDone={() => {
          setEditing(null);
          setReload((n) => n + 1);
        }}
      />
    );
  }
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Catalog"
          data={CATALOG_OPTIONS}
          value={kind.path}
          onChange={(value) => value && choose(value, null)}
          allowDeselect={false}
        />
        {of && (
          <Select
            label={kind.name === 'status' ? 'Statuses of' : 'Types of'}
            data={subKindOptions(kind)}
            value={of}
            onChange={(value) => value && choose(kind.path, value)}
            allowDeselect={false}
          />
        )}
        {canChange && <Button onClick={() => setEditing('new')}>New {noun}</Button>}
      </Group>
      {!canChange && (
        <Text size="sm" c="dimmed">
          Only owners and admins change catalogs; you can read them.
        </Text>
      )}
      <RecordList
        key={`${kind.path}/${of ?? ''}`}
        kind={kind}
        filters={of ? { kind: of } : {}}
        label={listName}
        onOpen={canChange ? setEditing : undefined}
        reload={reload}
        emptyHint={
          canChange
            ? `No ${listName.toLowerCase()} yet. Add the first with “New ${noun}”.`
            : `No ${listName.toLowerCase()} yet. An owner or admin adds them.`
        }
      />
    </Stack>
  );
}
