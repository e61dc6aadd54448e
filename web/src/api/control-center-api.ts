import type { ApiClient } from './api-client';

/** One row of the Control Center log (GET /control-center/runs). */
export interface ControlCenterRun {
  readonly id: number;
  /** The studio time the run judged (a sandbox's test clock). */
  readonly run_at: string;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly error: string | null;
}

/** POST /clock/advance: how far the test clock moved and what its runs did together. */
export interface AdvanceResult {
  readonly from: string;
  readonly to: string;
  readonly runs: number;
  readonly errors: readonly { run_at: string; error: string }[];
  readonly totals: Readonly<Record<string, number>>;
}

export const listRuns = (api: ApiClient) => api.get<{ data: ControlCenterRun[] }>('/control-center/runs');

export const advanceClock = (api: ApiClient, to: string, stepMinutes: number | null) =>
  api.post<AdvanceResult>('/clock/advance', stepMinutes ? { to, step_minutes: stepMinutes } : { to });
