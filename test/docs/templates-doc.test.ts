import { describe, expect, it } from 'vitest';
import { mergeFieldsMarkdown } from '../../src/templates/merge-fields-markdown.js';

describe('docs/template-merge-fields.md', () => {
  it('lists the merge fields the catalog offers (rewrite with vitest -u)', async () => {
    await expect(mergeFieldsMarkdown()).toMatchFileSnapshot('../../docs/template-merge-fields.md');
  });
});
