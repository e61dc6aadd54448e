import type { ApiClient } from './api-client';

/** GET /studio in full: the settings the Setup screen shows and changes. */
export interface StudioSettingsDetail {
  readonly id: number;
  readonly name: string;
  readonly time_zone: string;
  /** ISO weekdays, 1 (Monday) to 7 (Sunday). */
  readonly work_week: number[];
  readonly country: string;
  readonly sender_name: string | null;
  readonly sender_email: string | null;
  readonly sms_from_number: string | null;
  readonly sms_help_text: string | null;
  readonly sms_unknown_sender_clients: boolean;
  readonly is_sandbox: boolean;
  readonly updated_at: string;
}

/** What the form sends to PATCH /studio (empty optional text is sent as null: "not set"). */
export type StudioSettingsChange = Partial<
  Pick<
    StudioSettingsDetail,
    | 'name'
    | 'time_zone'
    | 'work_week'
    | 'sender_name'
    | 'sender_email'
    | 'sms_from_number'
    | 'sms_help_text'
    | 'sms_unknown_sender_clients'
  >
>;

export const getStudioSettings = (api: ApiClient) => api.get<StudioSettingsDetail>('/studio');

export const updateStudioSettings = (api: ApiClient, change: StudioSettingsChange) =>
  api.patch<StudioSettingsDetail>('/studio', change);
