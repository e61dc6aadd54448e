import { describe, expect, it } from 'vitest';
import { fieldOf, recordKind } from '../../src/domain/record-kinds/index.js';
import { ACTIONS } from '../../src/domain/triggers/trigger-actions.js';
import { TRIGGER_TYPE_NAMES, TRIGGER_TYPES } from '../../src/domain/triggers/trigger-types.js';

describe('the trigger-type registry', () => {
  it('describes all 14 trigger types of the specification', () => {
    expect(Object.keys(TRIGGER_TYPES).sort()).toEqual([...TRIGGER_TYPE_NAMES].sort());
    expect(TRIGGER_TYPE_NAMES).toHaveLength(14);
  });

  for (const def of Object.values(TRIGGER_TYPES)) {
    const kind = recordKind(def.recordKind);
    it(`${def.name}: anchors on fields its record kind has, with the right value type`, () => {
      for (const [name, option] of Object.entries(def.dateOptions)) {
        const anchor = option.anchor;
        if (anchor.kind === 'status_entered' || anchor.kind === 'status_due') {
          expect(kind.status, `${def.name}.${name} needs a kind with statuses`).toBeDefined();
        }
        if (anchor.kind === 'field' && anchor.field !== 'created_at') {
          const field = fieldOf(kind, anchor.field);
          expect(field?.anchor, `${kind.name}.${anchor.field} must be an anchor field`).toBe(true);
          expect(field?.type).toBe(anchor.value === 'instant' ? 'datetime' : 'date');
        }
        if (anchor.kind === 'yearly') {
          const owner = anchor.of === 'record' ? kind : recordKind('family_member');
          expect(fieldOf(owner, anchor.field)?.type).toBe('date');
        }
      }
    });

    it(`${def.name}: filters on fields and catalogs that exist`, () => {
      if (def.filter.status !== 'none') expect(kind.status).toBeDefined();
      if (def.filter.typeField) {
        const field = fieldOf(kind, def.filter.typeField);
        expect(field?.ref).toBe('type');
        expect(field?.typeKind).toBe(def.filter.typeKind);
      }
      if (def.filter.type !== 'none') expect(def.filter.typeKind).toBeDefined();
    });

    it(`${def.name}: offers status changes only where the record has a status`, () => {
      for (const action of def.actions) expect(ACTIONS[action]).toBeDefined();
      expect(def.actions.includes('status_change_only')).toBe(kind.status !== undefined);
    });
  }

  it('keeps NPS and confirmation messages to sessions and appointments', () => {
    const withNps = Object.values(TRIGGER_TYPES).filter((d) => d.actions.includes('nps_sms'));
    expect(withNps.map((d) => d.name).sort()).toEqual(['session_status', 'session_type']);
    const withConfirm = Object.values(TRIGGER_TYPES).filter((d) => d.actions.includes('sms_confirmation'));
    expect(withConfirm.every((d) => d.recordKind === 'session' || d.recordKind === 'appointment')).toBe(true);
  });
});
