import type { Selectable } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { normalizeEmail } from '../domain/email-address.js';
import { notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { isValidTimeZone } from '../domain/local-date.js';
import { isCountryCode, normalizePhone } from '../domain/phone-number.js';
import { hasMaskedPassword, keepMaskedPassword, maskSmtpUrl, parseSmtpUrl } from '../domain/smtp-url.js';
import { DEFAULT_WORK_WEEK, workWeekProblem } from '../domain/work-week.js';
import type { Db } from './database.js';
import type { StudioTable } from './schema.js';

export type StudioRow = Selectable<StudioTable>;

/** The studio's settings as the API shows them. */
export function studioJson(row: StudioRow) {
  return {
    id: row.id,
    name: row.name,
    time_zone: row.time_zone,
    work_week: row.work_week.split(',').map(Number),
    country: row.country,
    sender_name: row.sender_name,
    sender_email: row.sender_email,
    sms_from_number: row.sms_from_number,
    is_sandbox: row.is_sandbox === 1,
    bypass_email_blocks: row.bypass_email_blocks === 1,
    sms_help_text: row.sms_help_text,
    sms_unknown_sender_clients: row.sms_unknown_sender_clients === 1,
    // The password never leaves the server: the URL comes back with it masked, and whether one is set.
    smtp_url: maskSmtpUrl(row.smtp_url),
    smtp_password_set: row.smtp_url !== null && hasPassword(row.smtp_url),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

type StudioValues = Partial<Omit<StudioRow, 'id' | 'created_at' | 'updated_at'>>;

const FIELDS = [
  'name',
  'time_zone',
  'work_week',
  'country',
  'sender_name',
  'sender_email',
  'sms_from_number',
  'is_sandbox',
  'bypass_email_blocks',
  'sms_help_text',
  'smtp_url',
  'sms_unknown_sender_clients',
] as const;

function hasPassword(url: string): boolean {
  const parsed = parseSmtpUrl(url);
  return parsed.ok && parsed.server.password !== null;
}

/** Validates studio settings (every problem at once) and converts them to stored values. */
export function checkStudioInput(
  input: unknown,
  mode: 'create' | 'update',
  country?: string,
  storedSmtpUrl: string | null = null,
): StudioValues {
  const problems: ProblemDetail[] = [];
  const out: StudioValues = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validationError([{ path: '', problem: 'must be a JSON object' }]);
  }
  const body = input as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(key))
      problems.push({ path: key, problem: 'is not a studio setting' });
  }
  const text = (key: (typeof FIELDS)[number], max: number, required = false): string | null | undefined => {
    const value = body[key];
    if (value === undefined) {
      if (required && mode === 'create') problems.push({ path: key, problem: 'is required' });
      return undefined;
    }
    if (value === null || value === '') {
      if (required) problems.push({ path: key, problem: 'is required' });
      return null;
    }
    if (typeof value !== 'string') return void problems.push({ path: key, problem: 'must be text' });
    if (value.length > max)
      return void problems.push({ path: key, problem: `must be at most ${max} characters` });
    return value.trim();
  };
  const name = text('name', 200, true);
  if (name !== undefined && name !== null) out.name = name;
  const zone = text('time_zone', 100, true);
  if (zone) {
    if (isValidTimeZone(zone)) out.time_zone = zone;
    else problems.push({ path: 'time_zone', problem: 'is not an IANA time zone such as America/New_York' });
  }
  if (body.work_week !== undefined) {
    const days = body.work_week;
    const asText = Array.isArray(days) ? days.join(',') : typeof days === 'string' ? days : '';
    const problem = workWeekProblem(asText);
    if (problem) problems.push({ path: 'work_week', problem });
    else
      out.work_week = asText
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
        .join(',');
  } else if (mode === 'create') out.work_week = DEFAULT_WORK_WEEK;
  const countryCode = text('country', 2, true);
  if (countryCode) {
    if (isCountryCode(countryCode)) out.country = countryCode;
    else problems.push({ path: 'country', problem: 'is not an ISO 3166 country code such as US or GB' });
  }
  const senderName = text('sender_name', 200);
  if (senderName !== undefined) out.sender_name = senderName;
  const senderEmail = text('sender_email', 254);
  if (senderEmail) {
    const email = normalizeEmail(senderEmail);
    if (email) out.sender_email = email;
    else problems.push({ path: 'sender_email', problem: 'is not a valid email address' });
  } else if (senderEmail === null) out.sender_email = null;
  const smsFrom = text('sms_from_number', 30);
  if (smsFrom) {
    const phone = normalizePhone(smsFrom, out.country ?? country ?? 'US');
    if (phone.ok) out.sms_from_number = phone.e164;
    else problems.push({ path: 'sms_from_number', problem: phone.problem });
  } else if (smsFrom === null) out.sms_from_number = null;
  const help = text('sms_help_text', 320);
  if (help !== undefined) out.sms_help_text = help;
  const smtp = text('smtp_url', 1000);
  if (smtp) {
    // A form may send back the masked URL it was shown: the stored password is kept.
    const url = keepMaskedPassword(smtp, storedSmtpUrl);
    const parsed = parseSmtpUrl(url);
    if (!parsed.ok) problems.push({ path: 'smtp_url', problem: parsed.problem });
    else if (hasMaskedPassword(url))
      problems.push({ path: 'smtp_url', problem: 'has the masked password: write the real one' });
    else out.smtp_url = url;
  } else if (smtp === null) out.smtp_url = null;
  for (const key of ['is_sandbox', 'bypass_email_blocks', 'sms_unknown_sender_clients'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') out[key] = value ? 1 : 0;
    else problems.push({ path: key, problem: 'must be true or false' });
  }
  if (problems.length > 0) throw validationError(problems, 'The studio settings are not valid');
  return out;
}

export async function createStudio(db: Db, clock: Clock, input: unknown): Promise<StudioRow> {
  const values = checkStudioInput(input, 'create');
  const at = clock.now().toISOString();
  return db
    .insertInto('studios')
    .values({
      name: values.name as string,
      time_zone: values.time_zone as string,
      work_week: values.work_week ?? DEFAULT_WORK_WEEK,
      country: values.country as string,
      sender_name: values.sender_name ?? null,
      sender_email: values.sender_email ?? null,
      sms_from_number: values.sms_from_number ?? null,
      is_sandbox: values.is_sandbox ?? 0,
      bypass_email_blocks: values.bypass_email_blocks ?? 0,
      sms_help_text: values.sms_help_text ?? null,
      smtp_url: values.smtp_url ?? null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getStudio(db: Db, id: number): Promise<StudioRow> {
  const row = await db.selectFrom('studios').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Studio', id);
  return row;
}

export async function updateStudio(db: Db, clock: Clock, id: number, input: unknown): Promise<StudioRow> {
  const current = await getStudio(db, id);
  const values = checkStudioInput(input, 'update', current.country, current.smtp_url);
  return db
    .updateTable('studios')
    .set({ ...values, updated_at: clock.now().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
