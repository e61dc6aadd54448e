import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRIGGER_TYPE_NAMES } from '../../src/domain/triggers/trigger-types.js';
import { triggerTypesMarkdown } from '../../src/domain/triggers/trigger-types-markdown.js';

describe('docs/trigger-types.md', () => {
  it('lists the trigger types, date options, exclusions and actions of the registry (rewrite with vitest -u)', async () => {
    await expect(triggerTypesMarkdown()).toMatchFileSnapshot('../../docs/trigger-types.md');
  });
});

describe('docs/triggers.md', () => {
  const page = readFileSync(new URL('../../docs/triggers.md', import.meta.url), 'utf8');
  it('links the generated reference and names every trigger type', () => {
    expect(page).toContain('(trigger-types.md)');
    expect(TRIGGER_TYPE_NAMES.filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
  });
});
