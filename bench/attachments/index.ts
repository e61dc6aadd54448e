import { renderAttachments } from '../../src/attachments/render-attachments.js';
import type { AttachmentKind } from '../../src/domain/triggers/attachment-kinds.js';
import type { StudioRow } from '../../src/store/studios.js';
import type { MergeData } from '../../src/templates/render-template.js';
import { machineLine, writePerformanceSection } from '../support/performance-doc.js';

const STUDIO = {
  id: 1,
  name: 'Lakeshore Portrait Studio',
  sender_name: 'Lakeshore Portraits',
  sender_email: 'hello@lakeshore.test',
  country: 'US',
  time_zone: 'America/Chicago',
} as StudioRow;

const DATA: MergeData = {
  session: {
    id: 4211,
    session_number: 'S-4211',
    session_type_name: 'Family portrait',
    start: '2026-12-01T15:00:00.000Z',
    end: '2026-12-01T16:30:00.000Z',
    location: 'Lakeshore Park, Pier 3',
    status_name: 'Booked',
    confirmed: false,
    on_hold: false,
    canceled: false,
  },
  invoice: {
    id: 981,
    invoice_number: 'INV-2026-0981',
    invoice_type: 'session_fees',
    invoice_date: '2026-11-02',
    payment_due_date: '2026-11-16',
    total_cents: 125_000,
    balance_cents: 45_000,
    status_name: 'Sent',
  },
  client: { first_name: 'Zoë', last_name: 'Ångström' },
  photographer: { name: 'Łukasz Nowak' },
};

const BASIS: Record<AttachmentKind, string> = {
  session_confirmation_pdf: 'session',
  invoice_pdf: 'invoice',
  ics_invitation: 'session',
};

/**
 * `npm run bench -- attachments [--files 50]`: how long processing spends making each kind of
 * attachment, and how large it is. Files are made one after another, as processing makes them
 * inside an item's transaction; the first of each kind is a warm-up and not counted.
 */
export default async function attachmentsBench(args: readonly string[]): Promise<void> {
  const at = args.indexOf('--files');
  const files = at >= 0 ? Number(args[at + 1]) : 50;
  if (!Number.isInteger(files) || files < 1) {
    console.error('usage: npm run bench -- attachments [--files N]');
    process.exit(2);
  }
  const machine = machineLine(new Date());
  const rows: string[] = [];
  for (const kind of Object.keys(BASIS) as AttachmentKind[]) {
    const make = async () =>
      (
        await renderAttachments([kind], { studio: STUDIO, basis: BASIS[kind], data: DATA, now: new Date() })
      )[0];
    await make();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < files; i += 1) {
      const started = performance.now();
      bytes = (await make())?.content.length ?? 0;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const quantile = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    const row = `| \`${kind}\` | ${quantile(0.5)} ms | ${quantile(0.95)} ms | ${(bytes / 1024).toFixed(1)} KiB |`;
    console.log(row);
    rows.push(row);
  }
  await writePerformanceSection(
    'attachments',
    `## Email attachments

Time to make one attachment as processing does (\`src/attachments/\`), ${files} of each kind one
after another after a warm-up, and its size. Run: \`npm run bench -- attachments --files ${files}\`.
Machine: ${machine}.

| attachment | median | 95th percentile | size |
| --- | --- | --- | --- |
${rows.join('\n')}

Nearly all of a PDF's time is spent on the embedded DejaVu fonts: every document parses their
layout tables again and embeds a subset (tens of milliseconds per font; a document uses regular
and bold). A PDF without text takes about 9 ms. pdfkit 0.20 also accepts a parsed fontkit font:
parsing the two fonts once per process (it needs \`fontkit\`, installed with pdfkit, declared as a
dependency) measured about 20 ms per PDF in a trial. The \`.ics\` is plain text.`,
  );
}
