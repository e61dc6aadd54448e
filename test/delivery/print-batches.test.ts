import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';
import { readPdf } from '../support/pdf-text.js';

forEachDialect('print batches', (store) => {
  let s: ProcessingStudio;
  const address = { address_line1: '1 Main St', city: 'Springfield', region: 'IL', postal_code: '62701' };
  const letter = (client: Record<string, unknown>) =>
    s.fire(
      { action: 'letter', action_settings: { letter_template_id: s.templates.letter } },
      { ...address, ...client },
    );
  const print = async (id: number, how: 'POST' | 'GET' = 'POST') => {
    const response = await s.app.inject({
      method: how,
      url: how === 'POST' ? `/api/v1/print-batches/${id}/print` : `/api/v1/print-batches/${id}/pdf`,
      headers: { authorization: `Bearer ${s.fixture.tokens.staff}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return readPdf(response.rawPayload);
  };
  let batchId: number;
  let firstPrint: Awaited<ReturnType<typeof print>>;

  beforeAll(async () => {
    s = await processingStudio(store());
    await letter({ first_name: 'Zoë', last_name: 'Ångström' });
    await letter({ first_name: 'Łukasz', last_name: 'Nowak', address_line2: 'Apt 4' });
  });

  it('gathers the letters processing writes in one open batch, in the order they came', async () => {
    const list = await s.api.read('/print-batches');
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ state: 'open', print_count: 0, printed_at: null, letter_count: 2 });
    batchId = list.data[0].id;
    const batch = await s.api.read(`/print-batches/${batchId}`);
    expect(batch.letters.map((l: any) => l.to_address.split('\n')[0])).toEqual([
      'Zoë Ångström',
      'Łukasz Nowak',
    ]);
    expect(batch.letters.every((l: any) => l.printed_at === null)).toBe(true);
  });

  it('prints one PDF with a page per letter: letterhead, date, the address in the envelope window, the text', async () => {
    firstPrint = await print(batchId);
    expect(firstPrint.pages).toHaveLength(2);
    const [zoe, lukasz] = firstPrint.text;
    for (const part of [s.fixture.studio.name, 'hello@lumen.test', 'November 2, 2026', 'Zoë Ångström'])
      expect(zoe).toContain(part);
    expect(zoe).toContain('1 Main St\nSpringfield IL 62701');
    expect(zoe).toContain('Dear Zoë, welcome.');
    expect(lukasz).toContain('Łukasz Nowak');
    expect(lukasz).toContain('Dear Łukasz, welcome.');
    // A #10 window shows the letter from 2.5in to 3.17in below its top, 7/8in from the left.
    const name = firstPrint.pages[0]?.find((line) => line.text === 'Zoë Ångström');
    expect(name?.left).toBeCloseTo(1, 2);
    expect(name?.top).toBeGreaterThan(2.5);
    expect(name?.top).toBeLessThan(3.17);
  });

  it('marks the batch and its letters printed and closes it; new letters open a new batch', async () => {
    const batch = await s.api.read(`/print-batches/${batchId}`);
    expect(batch).toMatchObject({
      state: 'printed',
      print_count: 1,
      printed_by_user_id: s.fixture.userIds.staff,
    });
    expect(batch.printed_at).toBe(s.now().toISOString());
    expect(batch.letters.every((l: any) => l.printed_at === batch.printed_at)).toBe(true);
    await letter({ first_name: 'Ada' });
    const open = await s.api.read('/print-batches?state=open');
    expect(open.data).toHaveLength(1);
    expect(open.data[0].id).not.toBe(batchId);
    expect(open.data[0].letter_count).toBe(1);
    expect((await s.api.read('/print-batches?state=printed')).data.map((b: any) => b.id)).toEqual([batchId]);
  });

  it('reprints the same letters, dated the first print; only printing again counts', async () => {
    await s.tick(3 * 24 * 60);
    const again = await print(batchId);
    expect(again.text).toEqual(firstPrint.text);
    const download = await print(batchId, 'GET');
    expect(download.text).toEqual(firstPrint.text);
    const batch = await s.api.read(`/print-batches/${batchId}`);
    expect(batch.print_count).toBe(2);
    expect(batch.letter_count).toBe(2);
  });

  it('previews an open batch without printing it', async () => {
    const [open] = (await s.api.read('/print-batches?state=open')).data;
    const preview = await print(open.id, 'GET');
    expect(preview.pages).toHaveLength(1);
    expect(preview.text[0]).toContain('Dear Ada, welcome.');
    expect((await s.api.read(`/print-batches/${open.id}`)).state).toBe('open');
  });

  it('answers 404 for a batch that does not exist and 400 naming a bad filter', async () => {
    expect((await s.api.post('/print-batches/987654/print')).status).toBe(404);
    const bad = await s.api.get('/print-batches?state=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'state', problem: 'must be open or printed' }]);
  });
});
