import { beforeAll, describe, expect, it } from 'vitest';
import { RecordWriter } from '../../src/demo/record-writer.js';
import { seedStarterCatalogs, type CatalogIds } from '../../src/demo/seed-starter-catalogs.js';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { clientImport } from '../../src/import/client-import.js';
import { formatImportReport, importFailed } from '../../src/import/format-import-report.js';
import { importRecords, type ImportOptions } from '../../src/import/import-records.js';
import { sessionImport } from '../../src/import/session-import.js';
import type { ImportTarget } from '../../src/import/import-target.js';
import { createRecord, deleteRecord, getRecord } from '../../src/store/records.js';
import { loose } from '../../src/store/record-table.js';
import { statusHistory } from '../../src/store/status-history.js';
import { studioContextOf, type StudioContext } from '../../src/store/studio-context.js';
import { createStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';

const clock = new ManualClock('2026-03-10T16:30:00Z');
const actor = { userId: null, source: 'import' } as const;

forEachDialect('CSV import', (store) => {
  let studio: StudioContext;
  let catalogs: CatalogIds;
  const run = (target: ImportTarget, csv: string, options: ImportOptions = {}) =>
    importRecords({ db: store().db, clock }, studio, target, Buffer.from(csv), actor, options);
  const rowsOf = (table: string) =>
    loose(store().db)
      .selectFrom(table)
      .selectAll()
      .where('studio_id', '=', studio.id)
      .orderBy('id')
      .execute();
  const countOf = async (table: string) => (await rowsOf(table)).length;

  beforeAll(async () => {
    const row = await createStudio(store().db, clock, {
      name: 'Import',
      time_zone: 'America/Chicago',
      country: 'US',
    });
    studio = studioContextOf(row);
    catalogs = await store()
      .db.transaction()
      .execute((trx) => seedStarterCatalogs(new RecordWriter(trx, studio, actor, clock.now()), clock.now()));
  });

  it('imports every row of a valid clients file, with phones, email and status history', async () => {
    const csv =
      '\ufeffFirst Name,last_name,birth_date,allow_marketing_email,mobile,phone,email,status,client_number\r\n' +
      'Zoë,Ångström,1990-04-01,yes,(312) 555-0142,,Zoe@Example.com,Lead,C-1\r\n' +
      'Łukasz,Nowak,,no,,773-555-0101,lukasz@example.org,Active Client,C-2\r\n';
    const result = await run(clientImport, csv);
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(2);
    expect(formatImportReport(result).at(-1)).toBe('Imported 2 clients.');
    const id = (await rowsOf('clients')).find((row) => row.client_number === 'C-1')?.id as number;
    const zoe = await getRecord(store().db, studio, recordKind('client'), id);
    expect(zoe).toMatchObject({ first_name: 'Zoë', last_name: 'Ångström', allow_marketing_email: true });
    expect(zoe.phones).toMatchObject([{ number: '+13125550142', sms_capable: true, label: 'mobile' }]);
    expect(zoe.emails).toMatchObject([{ address: 'Zoe@example.com', is_primary: true }]);
    const history = await statusHistory(store().db, studio, recordKind('client'), id);
    expect(history.map((h) => h.status_name)).toEqual(['Lead']);
  });

  it('imports nothing when one row is invalid, and names that row, its line, field and problem', async () => {
    const before = await countOf('clients');
    const csv =
      'first_name,last_name,birth_date,allow_marketing_sms\n' +
      'Ann,Lee,1980-01-02,yes\n' +
      '"Bo\nBen",Ray,1980-13-40,maybe\n' +
      'Cy,Fox,,no\n';
    const result = await run(clientImport, csv);
    expect(result.imported).toBe(0);
    expect(importFailed(result)).toBe(true);
    expect(formatImportReport(result)).toEqual([
      'row 2 (line 3): birth_date must be a date written YYYY-MM-DD',
      'row 2 (line 3): allow_marketing_sms must be true or false',
      'Nothing was imported: 1 of 3 rows is not valid. Fix them, or use --skip-invalid to import the 2 valid rows.',
    ]);
    expect(await countOf('clients')).toBe(before);
  });

  it('with --skip-invalid imports the valid rows and reports the skipped ones', async () => {
    const before = await countOf('clients');
    const csv = 'first_name,last_name,email\nAnn,Lee,ann@example.com\n,Ray,not-an-email\nCy,Fox,\n';
    const result = await run(clientImport, csv, { skipInvalid: true });
    expect(result.imported).toBe(2);
    expect(importFailed(result)).toBe(false);
    expect(formatImportReport(result)).toEqual([
      'row 2 (line 3): first_name is required',
      'row 2 (line 3): email is not a valid email address',
      'Imported 2 clients; skipped 1 invalid row (listed above).',
    ]);
    expect(await countOf('clients')).toBe(before + 2);
  });

  it('reports unknown, read-only and conflicting columns and imports nothing', async () => {
    const before = await countOf('clients');
    const csv = 'frist_name,last_name,status_id,status,status_due_date\nAnn,Lee,,Lead,\n';
    const result = await run(clientImport, csv, { skipInvalid: true });
    const report = formatImportReport(result);
    expect(report[0]).toMatch(
      /^line 1: column "frist_name" is not a field of client; the columns are: first_name, /,
    );
    expect(report.slice(1)).toEqual([
      'line 1: column "status_due_date" is set by Triggerfish and cannot be imported',
      'line 1: columns status_id and status give the same field; keep one of them',
      'line 1: the file needs a column first_name',
      'Nothing was imported: the file cannot be imported as clients.',
    ]);
    expect(await countOf('clients')).toBe(before);
  });

  it('finds a session’s client by number or email and its type and status by name', async () => {
    const both = 'client_number,client_email,session_type,start\nC-1,,Pet,2026-04-02T15:00:00Z\n';
    expect(formatImportReport(await run(sessionImport, both))[0]).toBe(
      'line 1: columns client_number and client_email give the same field; keep one of them',
    );
    const byNumber = await run(
      sessionImport,
      'client_number,session_type,status,start,end\n' +
        'C-1,wedding,Timeline Received,2026-06-06 13:00,2026-06-06T21:00:00-05:00\n',
    );
    const byEmail = await run(
      sessionImport,
      'client_email,session_type,status,start\nLUKASZ@example.org,Family Portrait,Booked,2026-04-02T15:00:00Z\n',
    );
    expect(byNumber.problems).toEqual([]);
    expect(byEmail.problems).toEqual([]);
    const sessions = await rowsOf('sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({
      session_type_id: catalogs.type('session', 'Wedding'),
      status_id: catalogs.status('session', 'Timeline Received', 'Wedding'),
      // Read in the studio's time zone: 13:00 CDT is 18:00 UTC.
      start: '2026-06-06T18:00:00.000Z',
    });
    expect(sessions[1]).toMatchObject({ status_id: catalogs.status('session', 'Booked') });
    const history = await statusHistory(store().db, studio, recordKind('session'), sessions[1]?.id as number);
    expect(history.map((h) => h.status_name)).toEqual(['Booked']);
  });

  it('explains clients, types and statuses it cannot find, and writes nothing on a dry run', async () => {
    const before = await countOf('sessions');
    const csv =
      'client_number,session_type,status,start\n' +
      'C-404,Glamour,Booked,2026-04-02T15:00:00Z\n' +
      'C-2,Pet,Timeline Received,2026-03-08 02:30\n' +
      'C-2,Pet,Booked,2026-04-09 10:00\n';
    const result = await run(sessionImport, csv, { dryRun: true });
    expect(formatImportReport(result)).toEqual([
      'row 1 (line 2): client_number matches no client: "C-404"',
      'row 1 (line 2): session_type is not the name of a session type: "Glamour" (there are: Family Portrait, Newborn, Wedding, High School Senior, Headshot, Pet, Maternity)',
      'row 2 (line 3): start is not a time that exists in America/Chicago (the clocks skip it for daylight saving)',
      'row 2 (line 3): status names a status only for session type Wedding: "Timeline Received"',
      'Dry run: 2 of 3 rows are not valid; nothing was written.',
    ]);
    expect(await countOf('sessions')).toBe(before);
  });

  it('rolls back the rows already written when a later row fails while writing', async () => {
    const client = await createRecord(
      { db: store().db, clock },
      studio,
      recordKind('client'),
      { first_name: 'Tmp', last_name: 'Gone', client_number: 'C-TMP' },
      actor,
    );
    const before = await countOf('sessions');
    const csv = 'client_number,session_type,start\nC-2,Pet,2026-04-09 10:00\nC-TMP,Pet,2026-04-10 10:00\n';
    const result = await run(sessionImport, csv, {
      // Between checking and writing, someone deletes the client the second row refers to.
      onProgress: async (phase, done, total) => {
        if (phase === 'checking' && done === total) await deleteClient(client.id as number);
      },
    });
    expect(result.rolledBack).toBe(true);
    expect(result.imported).toBe(0);
    expect(formatImportReport(result)[0]).toMatch(
      /^row 2 \(line 3\): client_id refers to client \d+, which does not exist$/,
    );
    expect(await countOf('sessions')).toBe(before);
  });

  async function deleteClient(id: number): Promise<void> {
    await deleteRecord({ db: store().db, clock }, studio, recordKind('client'), id);
  }
});

describe('CSV import without a database', () => {
  it('lists a target’s columns: registry fields first, then the friendly ones', async () => {
    const { importColumns } = await import('../../src/import/check-import-columns.js');
    const columns = importColumns(sessionImport);
    expect(columns).toContain('start');
    expect(columns).not.toContain('status_due_date');
    expect(columns.slice(-4)).toEqual(['client_number', 'client_email', 'session_type', 'status']);
  });
});
