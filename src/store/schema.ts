import type { Generated } from 'kysely';
import type { Role } from '../domain/roles.js';

export type { Role };

/**
 * Types of the tables whose shape is fixed. Record and catalog tables are described by the
 * record-kind registry and reached through `recordTable()`.
 *
 * Storage conventions (docs/decisions.md): ids are integers; instants are ISO-8601 UTC text with
 * milliseconds; calendar dates are YYYY-MM-DD text; booleans are 0/1; money is integer cents.
 */
export interface StudioTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  work_week: string;
  country: string;
  sender_name: string | null;
  sender_email: string | null;
  sms_from_number: string | null;
  is_sandbox: number;
  bypass_email_blocks: number;
  sms_help_text: string | null;
  /** Sandbox studios: the test clock's "now" (SPEC §4); null runs on the system clock. */
  test_clock_at: string | null;
  /** The studio's own SMTP server (smtp:// or smtps://, password included); wins over SMTP_URL. */
  smtp_url: string | null;
  /** Whether an SMS from a number no client has creates a client for it (migration 0014). */
  sms_unknown_sender_clients: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  mobile: string | null;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: Generated<number>;
  studio_id: number;
  user_id: number;
  role: Role;
  department_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface LoginSessionTable {
  id: string;
  user_id: number;
  studio_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  studio_id: number;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

/** Contact-us posts by client address, counted by the per-address limit (src/store/contact-form-posts.ts). */
export interface ContactFormPostTable {
  id: Generated<number>;
  ip: string;
  at: string;
}

export interface StatusHistoryTable {
  id: Generated<number>;
  studio_id: number;
  record_kind: string;
  record_id: number;
  status_id: number;
  entered_at: string;
  due_date: string | null;
  left_at: string | null;
  user_id: number | null;
  note: string | null;
}

export interface ConsentEventTable {
  id: Generated<number>;
  studio_id: number;
  client_id: number | null;
  channel: string;
  address: string | null;
  action: 'opt_in' | 'opt_out';
  source: string;
  user_id: number | null;
  at: string;
}

/** Message templates (SPEC §3.4); `channel` and `basis` are checked by src/templates. */
export interface TemplateTable {
  id: Generated<number>;
  studio_id: number;
  name: string;
  channel: string;
  basis: string;
  subject: string | null;
  body_html: string | null;
  body_text: string | null;
  is_inactive: number;
  created_at: string;
  updated_at: string;
}

/** Secrets the instance generates for itself when no setting gives one (e.g. the unsubscribe key). */
export interface InstanceSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface Database {
  studios: StudioTable;
  users: UserTable;
  memberships: MembershipTable;
  login_sessions: LoginSessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  status_history: StatusHistoryTable;
  consent_events: ConsentEventTable;
  templates: TemplateTable;
  instance_secrets: InstanceSecretTable;
  contact_form_posts: ContactFormPostTable;
}
