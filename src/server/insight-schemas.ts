/** OpenAPI shapes of explain, forecast and the counts on save (documentation; see describe-only). */
type Schema = Record<string, unknown>;

const open: Schema = { type: 'object', additionalProperties: true };
const instant = { type: 'string', format: 'date-time' };

export const baselineCountsSchema: Schema = {
  type: 'object',
  nullable: true,
  description:
    'What the save did to the baseline: occurrences it covers (they never fire) and how many will fall due in the next 30 days. Null when the trigger is not active.',
  properties: { baselined: { type: 'integer' }, due_next_30_days: { type: 'integer' } },
};

export const explanationSchema: Schema = {
  description: 'Why the record did or did not get the trigger',
  type: 'object',
  properties: {
    trigger_id: { type: 'integer' },
    trigger_name: { type: 'string' },
    record_kind: { type: 'string' },
    record_id: { type: 'integer' },
    now: instant,
    baseline_at: { ...instant, nullable: true },
    criteria: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          criterion: { type: 'string' },
          value: {},
          expected: {},
          pass: { type: 'boolean' },
        },
      },
    },
    occurrences: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          occurrence_key: { type: 'string' },
          anchor_value: { type: 'string' },
          came_at: { type: 'string' },
          status_id: { type: 'integer', nullable: true },
          left_status_at: { type: 'string', nullable: true },
          trigger_date: instant,
          has_come: { type: 'boolean' },
          baselined: { type: 'boolean' },
          exclusions: { type: 'array', items: open },
          disqualification: { type: 'string', nullable: true },
          item: { ...open, nullable: true, description: 'The item of this occurrence with its history' },
          verdict: { type: 'string' },
        },
      },
    },
    earlier_items: { type: 'array', items: open },
    unknown_sender_sms: {
      type: 'array',
      description:
        'Incoming Keyword triggers: keyword SMS from one of the client’s numbers that arrived from an unknown sender and so started nothing',
      items: {
        type: 'object',
        properties: { communication_id: { type: 'integer' }, received_at: instant, from: { type: 'string' } },
      },
    },
    summary: { type: 'string' },
  },
};

/** A forecast day's count per trigger. */
const dayTriggers: Schema = {
  type: 'array',
  description:
    'The day’s count per trigger, most first (then by trigger id); covers every item, listed or not',
  items: { type: 'object', properties: { trigger_id: { type: 'integer' }, count: { type: 'integer' } } },
};

/** A studio-local day of a forecast: its count, and the same count per trigger. */
const forecastDay: Schema = {
  type: 'object',
  properties: { date: { type: 'string', format: 'date' }, count: { type: 'integer' }, triggers: dayTriggers },
};

export const forecastSchema: Schema = {
  description: 'What will fall due',
  type: 'object',
  properties: {
    now: instant,
    until: instant,
    days: { type: 'integer' },
    total: { type: 'integer' },
    triggers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          trigger_id: { type: 'integer' },
          name: { type: 'string' },
          count: { type: 'integer' },
          note: {
            type: 'string',
            nullable: true,
            description: 'For event triggers: events still to come cannot be forecast',
          },
        },
      },
    },
    by_day: {
      type: 'array',
      description: 'Studio-local days with something due, in date order',
      items: forecastDay,
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          trigger_id: { type: 'integer' },
          record_kind: { type: 'string' },
          record_id: { type: 'integer' },
          occurrence_key: { type: 'string' },
          anchor_value: { type: 'string' },
          trigger_date: instant,
          record_label: {
            type: 'string',
            nullable: true,
            description: 'How staff name the record, as in Process Triggers',
          },
          client_name: { type: 'string', nullable: true, description: 'The client the record reaches' },
        },
      },
    },
    items_cap: { type: 'integer' },
    items_truncated: { type: 'boolean' },
  },
};
