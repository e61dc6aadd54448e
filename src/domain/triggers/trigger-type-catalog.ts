import { actionSettingKeys } from './action-settings-problems.js';
import { ACTIONS } from './trigger-actions.js';
import { EMAIL_EVENTS } from './trigger-definition.js';
import { offsetWhensOf, TRIGGER_TYPES, TRIGGER_TYPE_NAMES } from './trigger-types.js';

/**
 * The trigger-type registry in the form a UI (and docs/triggers.md) reads: per type, its filters,
 * date options with labels, exclusions and actions, each action with the settings it needs and
 * takes. Derived, so a new type or option shows up without another edit.
 */
export function triggerTypeCatalog() {
  return {
    types: TRIGGER_TYPE_NAMES.map((name) => {
      const type = TRIGGER_TYPES[name];
      return {
        name,
        label: type.label,
        record_kind: type.recordKind,
        filter: {
          status: type.filter.status,
          type: type.filter.type,
          type_kind: type.filter.typeKind ?? null,
        },
        email_events: name === 'email_records' ? [...EMAIL_EVENTS] : null,
        keyword: name === 'sms_keyword' ? 'required' : 'none',
        date_options: Object.entries(type.dateOptions).map(([option, def]) => ({
          name: option,
          label: def.label,
          anchor: def.anchor.kind,
          offset_when: [...offsetWhensOf(def.anchor)],
        })),
        exclusions: [...type.exclusions],
        actions: [...type.actions],
      };
    }),
    actions: Object.values(ACTIONS).map((action) => {
      const keys = actionSettingKeys(action.name);
      return {
        name: action.name,
        label: action.label,
        channels: [...action.channels],
        is_message: action.isMessage,
        required_settings: keys.required,
        optional_settings: [...keys.allowed].filter((k) => !keys.required.includes(k)),
        needs_then_status: action.name === 'status_change_only',
      };
    }),
  };
}

export type TriggerTypeCatalog = ReturnType<typeof triggerTypeCatalog>;
