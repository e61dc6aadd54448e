import { sql } from 'kysely';
import { renderLetters } from '../delivery/print/letter-pdf.js';
import { letterheadOf } from '../delivery/print/pdf-document.js';
import { conflict, notFound, validationError } from '../domain/errors.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import { getStudio } from './studios.js';

const BATCH_COLUMNS = [
  'id',
  'state',
  'printed_at',
  'printed_by_user_id',
  'print_count',
  'created_at',
  'updated_at',
];
const LETTER_COLUMNS = [
  'id',
  'client_id',
  'triggered_item_id',
  'recipient_name',
  'to_address',
  'body_text',
  'body_html',
  'is_marketing',
  'printed_at',
  'created_at',
];

/** A studio's print batches, newest first, each with how many letters it holds. */
export async function listPrintBatches(db: Db, studioId: number, state: string | undefined) {
  if (state !== undefined && !['open', 'printed'].includes(state))
    throw validationError([{ path: 'state', problem: 'must be open or printed' }]);
  const ldb = loose(db);
  let query = ldb
    .selectFrom('print_batches as b')
    .select(BATCH_COLUMNS.map((c) => `b.${c}`))
    .select((eb) =>
      eb
        .selectFrom('communications as c')
        .select(eb.fn.countAll().as('n'))
        .whereRef('c.print_batch_id', '=', 'b.id')
        .where('c.studio_id', '=', studioId)
        .as('letter_count'),
    )
    .where('b.studio_id', '=', studioId);
  if (state) query = query.where('b.state', '=', state);
  const rows = (await query.orderBy('b.id', 'desc').execute()) as LooseRow[];
  return { data: rows.map((row) => ({ ...row, letter_count: Number(row.letter_count) })) };
}

export interface PrintBatch {
  id: number;
  state: 'open' | 'printed';
  printed_at: string | null;
  printed_by_user_id: number | null;
  print_count: number;
  letter_count: number;
  letters: LooseRow[];
}

/** One batch with its letters in the order they joined it (the order they print in). */
export async function getPrintBatch(db: Db, studioId: number, id: number): Promise<PrintBatch> {
  const ldb = loose(db);
  const batch = (await ldb
    .selectFrom('print_batches')
    .select(BATCH_COLUMNS)
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!batch) throw notFound('Print batch', id);
  const letters = (await ldb
    .selectFrom('communications')
    .select(LETTER_COLUMNS)
    .where('studio_id', '=', studioId)
    .where('channel', '=', 'letter')
    .where('print_batch_id', '=', id)
    .orderBy('id')
    .execute()) as LooseRow[];
  return { ...batch, letter_count: letters.length, letters } as unknown as PrintBatch;
}

/**
 * Prints a batch: marks it printed (the first print's time and user are kept; every print counts),
 * its letters printed, and returns the PDF. An open batch closes, so letters written from now on
 * open a new one. The batch row is updated first: that waits for a letter still joining it in
 * another transaction (see open-print-batch.ts), so no letter is marked printed unseen.
 */
export async function printBatch(db: Db, studioId: number, id: number, userId: number, now: Date) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const ldb = loose(trx);
    const marked = await ldb
      .updateTable('print_batches')
      .set({
        state: 'printed',
        printed_at: sql`coalesce(printed_at, ${at})`,
        printed_by_user_id: sql`coalesce(printed_by_user_id, ${userId})`,
        print_count: sql`print_count + 1`,
        updated_at: at,
      })
      .where('studio_id', '=', studioId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) throw notFound('Print batch', id);
    const batch = await getPrintBatch(trx, studioId, id);
    if (batch.letters.length === 0) throw conflict(`Print batch ${id} has no letters to print`);
    await ldb
      .updateTable('communications')
      .set({ printed_at: at, updated_at: at })
      .where('studio_id', '=', studioId)
      .where('print_batch_id', '=', id)
      .where('printed_at', 'is', null)
      .execute();
    const pdf = await batchPdf(trx, studioId, batch.letters, new Date(batch.printed_at as string));
    return { batch, pdf };
  });
}

/**
 * The PDF of a batch without printing it again: a printed batch as it was printed (dated the first
 * print), an open one as a preview dated now.
 */
export async function printBatchPdf(db: Db, studioId: number, id: number, now: Date): Promise<Buffer> {
  const batch = await getPrintBatch(db, studioId, id);
  const printedAt = batch.printed_at === null ? now : new Date(batch.printed_at);
  return batchPdf(db, studioId, batch.letters, printedAt);
}

async function batchPdf(db: Db, studioId: number, letters: LooseRow[], printedAt: Date): Promise<Buffer> {
  const studio = await getStudio(db, studioId);
  const printed = letters.map((l) => ({
    toAddress: l.to_address === null ? null : String(l.to_address),
    text: l.body_text === null ? null : String(l.body_text),
  }));
  return renderLetters(letterheadOf(studio), printed, printedAt);
}
