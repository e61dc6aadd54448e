import type { ApiClient } from './api-client';

/** The fields of GET /studio the app shows. */
export interface StudioSettings {
  readonly id: number;
  readonly name: string;
  readonly time_zone: string;
  /** ISO weekdays, 1 (Monday) to 7 (Sunday), the studio is open. */
  readonly work_week: readonly number[];
  readonly is_sandbox: boolean;
}

/** GET /clock: the studio's now, its test clock for a sandbox. */
export interface StudioClock {
  readonly now: string;
  readonly is_sandbox: boolean;
  readonly test_clock: boolean;
}

export const getStudio = (api: ApiClient) => api.get<StudioSettings>('/studio');

export const getClock = (api: ApiClient) => api.get<StudioClock>('/clock');
