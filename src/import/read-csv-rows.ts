import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1 for the first row after the header. */
  row: number;
  /** The line of the file the row starts on (a quoted value may span lines). */
  line: number;
  cells: string[];
}

export interface CsvFile {
  header: string[];
  rows: CsvRow[];
}

/** A file that cannot be read as CSV at all; the import reports it and writes nothing. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads a CSV file with a header row: UTF-8, with or without a byte-order mark, any line ending.
 * Lines with no values at all are skipped (spreadsheets leave them at the end). Each row keeps the
 * line it starts on, so that a report can point at the line a person sees in an editor; csv-parse
 * counts lines of CRLF files differently, so lines are counted here from its byte offsets.
 */
export function readCsvRows(content: Buffer): CsvFile {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new CsvFileError(1, 'the file is not UTF-8 text: save it as "CSV UTF-8"');
  }
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, csv-parse returns {record, info} objects; its type declarations do not say so.
    records = parse(content, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message?: string };
    throw new CsvFileError(lines ?? 1, `the file is not valid CSV: ${message ?? String(error)}`);
  }
  const counter = new LineCounter(content);
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  let previousEnd = 0;
  for (const { record, info } of records) {
    const line = counter.lineOfNextRecord(previousEnd);
    previousEnd = info.bytes;
    if (record.every((cell) => cell.trim() === '')) continue;
    if (header === null) header = record;
    else rows.push({ row: rows.length + 1, line, cells: record });
  }
  if (header === null) throw new CsvFileError(1, 'the file is empty: its first line must name the columns');
  return { header, rows };
}

/** Line numbers of byte offsets, counted forward once through the file. */
class LineCounter {
  #position = 0;
  #line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** The line on which the first record starting at or after `offset` begins. */
  lineOfNextRecord(offset: number): number {
    let start = offset;
    while (start < this.bytes.length && (this.bytes[start] === LF || this.bytes[start] === CR)) start += 1;
    for (; this.#position < start; this.#position += 1) {
      const byte = this.bytes[this.#position];
      if (byte === LF || (byte === CR && this.bytes[this.#position + 1] !== LF)) this.#line += 1;
    }
    return this.#line;
  }
}
