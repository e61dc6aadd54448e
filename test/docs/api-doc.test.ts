import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/record-kinds/index.js';

const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

describe('docs/api.md', () => {
  it('names the path of every record and catalog in the registry', () => {
    const missing = RECORD_KINDS.filter((kind) => !apiDoc.includes(`\`${kind.path}\``)).map((k) => k.path);
    expect(missing).toEqual([]);
  });

  it('names the field that scopes the statuses of each kind that has scoped statuses', () => {
    const scopes = RECORD_KINDS.flatMap((kind) => (kind.status?.scopedBy ? [kind.status.scopedBy] : []));
    expect(scopes.filter((field) => !apiDoc.includes(`\`${field}\``))).toEqual([]);
  });
});
