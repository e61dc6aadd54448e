import { sql } from 'kysely';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { hashOf, numbered, sqlFragments } from './sql-fragments.js';

const DAY = 86_400;

/** Record counts of the full dataset; `scale` multiplies them (the test runs a small one). */
export const FULL_COUNTS = {
  clients: 300_000,
  sessions: 1_000_000,
  appointments: 500_000,
  invoices: 500_000,
  tasks: 500_000,
};

export const CHAIN_ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Denver',
  'America/Los_Angeles',
  'America/Phoenix',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Toronto',
  'Pacific/Auckland',
] as const;

/** Status and type catalogs: the same shape in every studio, so ids follow from a base and offsets. */
export const STATUS_KINDS = ['client', 'session', 'appointment', 'invoice', 'task'] as const;
export const STATUSES_PER_KIND = 3;
export const TYPE_KINDS = { session: 4, appointment: 3, task: 3 } as const;
const TYPES_PER_STUDIO = Object.values(TYPE_KINDS).reduce((a, b) => a + b, 0);

export interface ChainDataset {
  readonly studioIds: readonly number[];
  readonly counts: Record<keyof typeof FULL_COUNTS, number> & { statusHistory: number };
  /** The k-th status of a kind in a studio. */
  statusId(studio: number, kind: (typeof STATUS_KINDS)[number], k: number): number;
  /** The k-th type of a kind in a studio. */
  typeId(studio: number, kind: keyof typeof TYPE_KINDS, k: number): number;
}

/**
 * A chain of ten studios (one per time zone above) sharing the records evenly: clients, sessions,
 * appointments, invoices and tasks spread over two years back and one year ahead of `now`, and one
 * open status-history row per record (plus a closed earlier one for half the sessions). Everything
 * was created at least two days before `now`. Written with INSERT … SELECT, so a million sessions
 * take seconds, not the hours a row-by-row API import would.
 */
export async function generateChain(store: Store, now: Date, scale: number): Promise<ChainDataset> {
  const db = loose(store.db);
  const f = sqlFragments(store.dialect);
  const at = now.toISOString();
  const studios = CHAIN_ZONES.length;
  const studioIds: number[] = [];
  for (const [i, zone] of CHAIN_ZONES.entries()) {
    const row = await db
      .insertInto('studios')
      .values({
        name: `Chain studio ${i + 1}`,
        time_zone: zone,
        work_week: '1,2,3,4,5',
        country: 'US',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    studioIds.push(Number(row.id));
  }
  const statusBase = await insertCatalog(store, studioIds, 'statuses', at);
  const typeBase = await insertCatalog(store, studioIds, 'types', at);
  const statusId = (s: number, kind: (typeof STATUS_KINDS)[number], k: number) =>
    statusBase +
    s * STATUS_KINDS.length * STATUSES_PER_KIND +
    STATUS_KINDS.indexOf(kind) * STATUSES_PER_KIND +
    k;
  const typeOffset = (kind: keyof typeof TYPE_KINDS) => {
    let offset = 0;
    for (const [name, count] of Object.entries(TYPE_KINDS)) {
      if (name === kind) return offset;
      offset += count;
    }
    throw new Error(kind);
  };
  const typeId = (s: number, kind: keyof typeof TYPE_KINDS, k: number) =>
    typeBase + s * TYPES_PER_STUDIO + typeOffset(kind) + k;

  const even = (n: number) => Math.max(studios, Math.round((n * scale) / studios) * studios);
  const counts = {
    clients: even(FULL_COUNTS.clients),
    sessions: even(FULL_COUNTS.sessions),
    appointments: even(FULL_COUNTS.appointments),
    invoices: even(FULL_COUNTS.invoices),
    tasks: even(FULL_COUNTS.tasks),
  };
  const nowE = Math.floor(now.getTime() / 1000);
  const begin = nowE - 730 * DAY;
  const span = 1095 * DAY;
  const latestCreated = nowE - 2 * DAY;
  const studioOf = `${studioIds[0]} + n % ${studios}`;
  const s = `(n % ${studios})`;
  // The catalog row of studio s: base + s × (rows per studio) + offset of the kind + k.
  const statusOf = (kind: (typeof STATUS_KINDS)[number], salt: number) =>
    `${statusId(0, kind, 0)} + ${s} * ${STATUS_KINDS.length * STATUSES_PER_KIND} + ${hashOf('n', salt, STATUSES_PER_KIND)}`;
  const typeOf = (kind: keyof typeof TYPE_KINDS, salt: number) =>
    `${typeId(0, kind, 0)} + ${s} * ${TYPES_PER_STUDIO} + ${hashOf('n', salt, TYPE_KINDS[kind])}`;
  const clientBase = await nextId(store, 'clients');
  // A client of the same studio: client k belongs to studio k % studios.
  const clientOf = (salt: number) =>
    `${clientBase} + ${hashOf('n', salt, counts.clients / studios)} * ${studios} + ${s}`;
  const anytime = (salt: number) => `(${begin} + ${hashOf('n', salt, span)} / 900 * 900)`;
  const createdBefore = (epoch: string, salt: number) =>
    `${f.least(`${epoch} - ${DAY} - ${hashOf('n', salt, 30 * DAY)}`, `${latestCreated} - ${hashOf('n', salt + 1, DAY)}`)}`;

  const run = (count: number, select: string) => numbered(count, select).execute(store.db);
  await run(
    counts.clients,
    `insert into clients (studio_id, first_name, last_name, client_type, status_id, birth_date,
       birth_date_set_at, allow_marketing_email, allow_marketing_sms, created_at, updated_at)
     select ${studioOf}, 'Client', 'Number ' || n, 'consumer', ${statusOf('client', 1)},
       case when ${hashOf('n', 2, 10)} < 6 then ${f.date(`${nowE} - ${20 * 365 * DAY} - ${hashOf('n', 3, 40 * 365 * DAY)}`)} end,
       case when ${hashOf('n', 2, 10)} < 6 then c end, 1, 1, c, c
     from (select n, ${f.iso(`${nowE} - ${3 * 365 * DAY} + ${hashOf('n', 4, 3 * 365 * DAY - 2 * DAY)}`)} as c from seq) t`,
  );
  await run(
    counts.sessions,
    `insert into sessions (studio_id, client_id, session_type_id, start, start_set_at, "end", end_set_at,
       status_id, confirmed, on_hold, canceled, booked_at, booked_at_set_at, created_at, updated_at)
     select studio_id, client_id, type_id, ${f.iso('st')}, ${f.iso('bk')}, ${f.iso('st + 3600')}, ${f.iso('bk')},
       status_id, confirmed, on_hold, canceled, ${f.iso('bk')}, ${f.iso('bk')}, ${f.iso('bk')}, ${f.iso('bk')}
     from (select ${studioOf} as studio_id, ${clientOf(5)} as client_id, ${typeOf('session', 6)} as type_id,
       ${statusOf('session', 7)} as status_id, st, ${createdBefore('st', 8)} as bk,
       case when ${hashOf('n', 10, 2)} = 0 then 1 else 0 end as confirmed,
       case when ${hashOf('n', 11, 100)} < 2 then 1 else 0 end as on_hold,
       case when ${hashOf('n', 12, 100)} < 5 then 1 else 0 end as canceled
       from (select n, ${anytime(9)} as st from seq) q) t`,
  );
  await run(
    counts.appointments,
    `insert into appointments (studio_id, client_id, appointment_type_id, start, start_set_at, "end",
       status_id, confirmed, on_hold, canceled, booked_at, booked_at_set_at, created_at, updated_at)
     select studio_id, client_id, type_id, ${f.iso('st')}, ${f.iso('bk')}, ${f.iso('st + 1800')},
       status_id, 0, 0, canceled, ${f.iso('bk')}, ${f.iso('bk')}, ${f.iso('bk')}, ${f.iso('bk')}
     from (select ${studioOf} as studio_id, ${clientOf(13)} as client_id, ${typeOf('appointment', 14)} as type_id,
       ${statusOf('appointment', 15)} as status_id, st, ${createdBefore('st', 16)} as bk,
       case when ${hashOf('n', 18, 100)} < 5 then 1 else 0 end as canceled
       from (select n, ${anytime(17)} as st from seq) q) t`,
  );
  await run(
    counts.invoices,
    `insert into invoices (studio_id, client_id, bill_to_client_id, invoice_number, invoice_type, invoice_date,
       invoice_date_set_at, payment_due_date, payment_due_date_set_at, total_cents, balance_cents, status_id,
       created_at, updated_at)
     select studio_id, client_id, client_id, 'INV-' || n, 'generic', ${f.date('d')}, ${f.iso('c')},
       ${f.date(`d + ${30 * DAY}`)}, ${f.iso('c')}, total, case when ${hashOf('n', 19, 2)} = 0 then total else 0 end,
       status_id, ${f.iso('c')}, ${f.iso('c')}
     from (select n, ${studioOf} as studio_id, ${clientOf(20)} as client_id, ${statusOf('invoice', 21)} as status_id,
       d, ${createdBefore('d', 22)} as c, 5000 + ${hashOf('n', 24, 200000)} as total
       from (select n, ${anytime(23)} as d from seq) q) t`,
  );
  await run(
    counts.tasks,
    `insert into tasks (studio_id, task_type_id, subject, status_id, start_date, start_date_set_at, due_date,
       due_date_set_at, client_id, created_at, updated_at)
     select studio_id, type_id, 'Follow up ' || n, status_id, ${f.date('d')}, ${f.iso('c')},
       ${f.date(`d + ${DAY} * (1 + ${hashOf('n', 25, 14)})`)}, ${f.iso('c')}, client_id, ${f.iso('c')}, ${f.iso('c')}
     from (select n, ${studioOf} as studio_id, ${typeOf('task', 26)} as type_id, ${statusOf('task', 27)} as status_id,
       ${clientOf(28)} as client_id, d, ${createdBefore('d', 29)} as c
       from (select n, ${anytime(30)} as d from seq) q) t`,
  );
  const statusHistory = await writeStatusHistory(store, nowE);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  return { studioIds, counts: { ...counts, statusHistory }, statusId, typeId };
}

/** The id the next row of a table will get: ids of a new table start at 1 on both databases. */
async function nextId(store: Store, table: string): Promise<number> {
  const row = await loose(store.db)
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Writes the catalogs studio by studio, in the order `statusId` / `typeId` count on. */
async function insertCatalog(
  store: Store,
  studioIds: readonly number[],
  table: 'statuses' | 'types',
  at: string,
): Promise<number> {
  const base = await nextId(store, table);
  const rows: Record<string, unknown>[] = [];
  for (const studio of studioIds) {
    if (table === 'statuses') {
      for (const kind of STATUS_KINDS) {
        for (let k = 0; k < STATUSES_PER_KIND; k += 1) {
          rows.push({ kind, name: `${kind} status ${k + 1}`, sort_order: k, duration_days: 3 + 4 * k });
        }
      }
    } else {
      for (const [kind, count] of Object.entries(TYPE_KINDS)) {
        for (let k = 0; k < count; k += 1) rows.push({ kind, name: `${kind} type ${k + 1}`, sort_order: k });
      }
    }
    for (const row of rows.splice(0)) {
      await loose(store.db)
        .insertInto(table)
        .values({ ...row, studio_id: studio, created_at: at, updated_at: at })
        .execute();
    }
  }
  return base;
}

/**
 * One open history row per record, entered at a moment between its creation and `now`, with the due
 * date its status's duration gives; and a closed earlier stay for half the sessions.
 */
async function writeStatusHistory(store: Store, nowE: number): Promise<number> {
  const f = sqlFragments(store.dialect);
  const epochOf = (column: string) =>
    store.dialect === 'sqlite'
      ? `cast(strftime('%s', ${column}) as integer)`
      : `cast(extract(epoch from cast(${column} as timestamptz)) as bigint)`;
  const kinds = [
    ['client', 'clients'],
    ['session', 'sessions'],
    ['appointment', 'appointments'],
    ['invoice', 'invoices'],
    ['task', 'tasks'],
  ] as const;
  for (const [kind, table] of kinds) {
    await sql
      .raw(
        `insert into status_history (studio_id, record_kind, record_id, status_id, entered_at, due_date, left_at)
         select studio_id, '${kind}', id, status_id, ${f.iso('e')}, ${f.date(`e + ${DAY} * duration_days`)}, null
         from (select r.studio_id, r.id, r.status_id, s.duration_days,
           ${epochOf('r.created_at')} + ${hashOf('r.id', 31, `(${nowE} - ${epochOf('r.created_at')})`)} as e
           from ${table} r join statuses s on s.id = r.status_id) t`,
      )
      .execute(store.db);
  }
  await sql
    .raw(
      `insert into status_history (studio_id, record_kind, record_id, status_id, entered_at, due_date, left_at)
       select r.studio_id, 'session', r.id, r.status_id, r.created_at, null, r.created_at
       from sessions r where ${hashOf('r.id', 32, 2)} = 0`,
    )
    .execute(store.db);
  const row = await loose(store.db)
    .selectFrom('status_history')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
