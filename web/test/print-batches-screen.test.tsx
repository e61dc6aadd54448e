import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrintBatchesScreen } from '../src/screens/print-batches/print-batches-screen';
import type { Session } from '../src/session/session-context';
import { ownerSession, renderScreen } from './session-render';
import { startTestStudio } from './test-studio';

describe('Print Batches screen', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;
  /** What the screen handed the browser to download (jsdom has no downloads). */
  const downloads: { name: string; file: Blob }[] = [];
  const jsdomUint8Array = globalThis.Uint8Array;

  beforeAll(async () => {
    // jsdom puts its own Uint8Array in the global scope; the server's PDF writer (pdfkit) checks the
    // fonts it reads with `instanceof Uint8Array`, which only Node's own passes. The server in this
    // process gets Node's back, as it has in production.
    globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
    studio = await startTestStudio({ is_sandbox: true });
    session = await ownerSession(studio.api, studio.email, studio.password);
    const files = new Map<string, Blob>();
    URL.createObjectURL = (file: Blob | MediaSource) => {
      const url = `blob:test/${files.size}`;
      files.set(url, file as Blob);
      return url;
    };
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, file: files.get(this.href) as Blob });
    };
  });
  afterEach(() => {
    downloads.length = 0;
  });
  afterAll(async () => {
    globalThis.Uint8Array = jsdomUint8Array;
    await studio.close();
  });

  const show = () => renderScreen(session, '/print-batches', <PrintBatchesScreen />);

  /** Two welcome letters, written the real way: a letter trigger, clients, the queue processed. */
  const writeLetters = async () => {
    const post = async (path: string, body: unknown) =>
      (await studio.api.post<{ id: number }>(path, body)).id;
    const template = await post('/templates', {
      name: 'Welcome letter',
      channel: 'letter',
      basis: 'client',
      body_text: 'Dear {{ client.first_name }}, welcome.',
    });
    const trigger = await post('/triggers', {
      name: 'Welcome letter',
      trigger_type: 'client_status',
      date_option: 'created',
      processing: 'manual',
      action: 'letter',
      action_settings: { letter_template_id: template },
    });
    await studio.api.post('/clock/advance', { to: '2026-03-06T15:01:00Z' });
    for (const [first_name, city] of [
      ['Zoë', 'Springfield'],
      ['Grace', 'Arlington'],
    ])
      await post('/clients', {
        first_name,
        last_name: 'Hopper',
        address_line1: '1 Main St',
        city,
        region: 'IL',
        postal_code: '62701',
      });
    await studio.api.post('/clock/advance', { to: '2026-03-06T15:02:00Z' });
    await studio.api.post('/queue/process', { trigger_id: trigger });
  };

  it('says where letters come from when none wait', async () => {
    show();
    expect(await screen.findByText('No letters are waiting to be printed')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Process Triggers' })).toBeTruthy();
    expect(screen.getByText('Nothing has been printed yet.')).toBeTruthy();
  });

  it('prints the open batch after stating its count, downloads the PDF, and lists it as printed', async () => {
    await writeLetters();
    show();
    const open = await screen.findByRole('region', { name: 'Open batch' });
    const letters = await within(open).findByRole('table', { name: 'Letters' });
    expect(within(letters).getAllByRole('row')).toHaveLength(3);
    expect(within(letters).getByText(/Zoë Hopper/)).toBeTruthy();
    expect(within(open).getByRole('columnheader', { name: 'Written (America/New_York)' })).toBeTruthy();

    await userEvent.click(within(open).getByRole('button', { name: 'Print…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Print this batch?' });
    expect(within(dialog).getByText(/^2 letters will be marked printed/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Print 2 letters' }));

    expect(await screen.findByText(/has downloaded/)).toBeTruthy();
    expect(downloads).toHaveLength(1);
    const [pdf] = downloads;
    expect(pdf?.name).toMatch(/^print-batch-\d+\.pdf$/);
    expect(pdf?.file.type).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf?.file.arrayBuffer())?.slice(0, 5))).toBe('%PDF-');

    const printed = await screen.findByRole('table', { name: 'Printed batches' });
    const row = within(printed).getAllByRole('row')[1] as HTMLElement;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1, 4)).toEqual(['Fri, Mar 6, 2026, 10:02 AM', '2', '1']);
    expect(screen.getByText('No letters are waiting to be printed')).toBeTruthy();
  });

  it('downloads a printed batch again without counting a print', async () => {
    show();
    const printed = await screen.findByRole('table', { name: 'Printed batches' });
    await userEvent.click(within(printed).getByRole('button', { name: /Download the PDF of batch/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const list = await studio.api.get<{ data: { print_count: number }[] }>('/print-batches');
    expect(list.data.map((b) => b.print_count)).toEqual([1]);
  });
});
