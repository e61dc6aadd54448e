import { describe, expect, it } from 'vitest';
import { studioJson, type StudioRow } from '../../src/store/studios.js';
import { mergeFieldCatalog, STUDIO_MERGE_FIELDS, TEMPLATE_BASES } from '../../src/templates/merge-fields.js';

function paths(basis: (typeof TEMPLATE_BASES)[number]): string[] {
  return mergeFieldCatalog(basis).objects.flatMap((o) => o.fields.map((f) => f.path));
}

describe('mergeFieldCatalog', () => {
  it('offers every basis its own fields, the client, the studio and the links', () => {
    for (const basis of TEMPLATE_BASES) {
      const catalog = mergeFieldCatalog(basis);
      const names = catalog.objects.map((o) => o.name);
      expect(names[0], basis).toBe(basis);
      expect(names, basis).toEqual(expect.arrayContaining(['client', 'studio', 'links']));
      for (const object of catalog.objects)
        expect(object.fields.length, `${basis} ${object.name}`).toBeGreaterThan(0);
      expect(paths(basis), basis).toEqual(expect.arrayContaining(['client.first_name', 'studio.name']));
    }
  });

  it('never lists secrets, JSON blobs or the store bookkeeping', () => {
    for (const basis of TEMPLATE_BASES) {
      const all = mergeFieldCatalog(basis).objects.flatMap((o) => [
        ...o.fields.map((f) => f.path),
        ...o.fields.flatMap((f) => f.items?.map((i) => i.path) ?? []),
      ]);
      for (const path of all) expect(path, basis).not.toMatch(/token|password|secret|_set_at$|custom_fields/);
    }
    expect(paths('web_form')).toContain('web_form.expires_at');
    expect(paths('web_form')).not.toContain('web_form.token');
  });

  it('reaches the client the way the registry says and spells the path', () => {
    const via = (basis: (typeof TEMPLATE_BASES)[number]) =>
      mergeFieldCatalog(basis).objects.find((o) => o.name === 'client')?.via;
    expect(via('session')).toBe('session.client_id');
    expect(via('invoice')).toBe('invoice.bill_to_client_id');
    expect(via('production_order')).toBe('production_order.invoice_id → invoice.bill_to_client_id');
    expect(via('preproduction_order')).toBe('preproduction_order.session_id → session.client_id');
    expect(via('client')).toBe('the record the trigger fired for');
  });

  it('offers linked records, staff and catalog names derived from references', () => {
    expect(paths('session')).toEqual(
      expect.arrayContaining([
        'session.start',
        'session.session_type_name',
        'session.status_name',
        'photographer.name',
      ]),
    );
    expect(paths('appointment')).toEqual(expect.arrayContaining(['session.start', 'staff_user.email']));
    expect(paths('production_order')).toEqual(
      expect.arrayContaining(['invoice.total_cents', 'assigned_user.mobile']),
    );
    expect(paths('task')).toEqual(
      expect.arrayContaining(['session.start', 'invoice.balance_cents', 'production_order.due_date']),
    );
    expect(paths('session')).toContain('family_member.first_name');
    const phones = mergeFieldCatalog('client').objects[0]?.fields.find((f) => f.path === 'client.phones');
    expect(phones?.type).toBe('list');
    expect(phones?.items?.map((i) => i.path)).toEqual(['number', 'label', 'sms_capable']);
  });

  it('lists only studio settings the studio API has', () => {
    const row = { id: 1, work_week: '1,2', is_sandbox: 0, bypass_email_blocks: 0 } as unknown as StudioRow;
    const keys = Object.keys(studioJson(row));
    for (const field of STUDIO_MERGE_FIELDS) expect(keys).toContain(field.path.replace('studio.', ''));
  });
});
