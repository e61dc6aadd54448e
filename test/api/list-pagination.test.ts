import { beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

const ROWS = 50;
const PAGE = 7;

interface Row {
  id: number;
  nps_score: number | null;
  start: string;
}

/**
 * The order the API promises: by the field (empty values last ascending, first descending), ties
 * by id in the same direction.
 */
function expectedOrder(rows: Row[], field: 'nps_score' | 'start', descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const x = a[field];
      const y = b[field];
      if (x === null || y === null) {
        if (x === y) return sign * (a.id - b.id);
        return (x === null ? 1 : -1) * sign;
      }
      if (x !== y) return sign * (x < y ? -1 : 1);
      return sign * (a.id - b.id);
    })
    .map((r) => r.id);
}

/** Follows next_cursor to the end and returns every page's ids. */
async function walk(api: ApiClient, query: string): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const page = await api.read(`/sessions?${query}&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(page.data.map((r: any) => r.id));
    cursor = page.next_cursor;
    if (pages.length > ROWS) throw new Error('the cursor never ends');
  } while (cursor);
  return pages;
}

forEachDialect('records API: cursor pagination', (store) => {
  const ctx = useStudioApi(store);
  const rows: Row[] = [];

  beforeAll(async () => {
    const { owner, samples } = ctx();
    const client = await samples.create('client');
    const type = await samples.type('session');
    for (let i = 0; i < ROWS; i += 1) {
      // Scores repeat (ties) and every fifth is empty; starts repeat over eight days.
      const nps = i % 5 === 0 ? null : (i * 7) % 4;
      const created = await owner.create('/sessions', {
        client_id: client.id,
        session_type_id: type.id,
        start: `2026-04-0${1 + (i % 8)}T10:00:00Z`,
        nps_score: nps,
      });
      rows.push({ id: created.id, nps_score: created.nps_score, start: created.start });
    }
  });

  for (const [field, descending] of [
    ['nps_score', false],
    ['nps_score', true],
    ['start', false],
    ['start', true],
  ] as const) {
    const sort = `${descending ? '-' : ''}${field}`;
    it(`walks all pages sorted by ${sort}: every row once, in order, full pages but the last`, async () => {
      const pages = await walk(ctx().owner, `sort=${sort}`);
      expect(pages.flat()).toEqual(expectedOrder(rows, field, descending));
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    });
  }

  it('neither skips nor repeats rows when rows are added before and after the cursor meanwhile', async () => {
    const { owner, samples } = ctx();
    const first = await owner.read(`/sessions?sort=-nps_score&limit=${PAGE}`);
    // Descending, empty scores come first and the newest (highest id) leads: this one lands on the
    // page already read; a score of 0 lands on a page still to come.
    const before = await samples.create('session', { nps_score: null, start: '2026-04-01T10:00:00Z' });
    const after = await samples.create('session', { nps_score: 0, start: '2026-04-01T10:00:00Z' });
    try {
      const seen: number[] = first.data.map((r: any) => r.id);
      let cursor: string | null = first.next_cursor;
      while (cursor) {
        const page = await owner.read(`/sessions?sort=-nps_score&limit=${PAGE}&cursor=${cursor}`);
        seen.push(...page.data.map((r: any) => r.id));
        cursor = page.next_cursor;
      }
      expect(seen).not.toContain(before.id);
      expect(seen).toEqual(
        expectedOrder([...rows, { id: after.id, nps_score: 0, start: after.start }], 'nps_score', true),
      );
    } finally {
      await owner.delete(`/sessions/${before.id}`);
      await owner.delete(`/sessions/${after.id}`);
    }
  });

  it('refuses a cursor given out for another sort', async () => {
    const { owner } = ctx();
    const page = await owner.read(`/sessions?sort=nps_score&limit=${PAGE}`);
    const response = await owner.get(`/sessions?sort=-nps_score&limit=${PAGE}&cursor=${page.next_cursor}`);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: 'cursor', problem: 'belongs to a list sorted by "nps_score", not "-nps_score"' },
    ]);
  });

  it('refuses a forged cursor whose value does not fit the sort field', async () => {
    const { owner } = ctx();
    const forged = Buffer.from(JSON.stringify({ s: 'nps_score', v: 'ten', id: 1 })).toString('base64url');
    const response = await owner.get(`/sessions?sort=nps_score&cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: 'cursor', problem: 'is not a cursor this list gave out' },
    ]);
  });
});
