import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { getStudio, type StudioRow } from '../../src/store/studios.js';
import { buildMergeData } from '../../src/templates/build-merge-data.js';
import { mergeFieldCatalog, TEMPLATE_BASES } from '../../src/templates/merge-fields.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio } from '../support/studio-fixture.js';
import { makeStudioRecords, type StudioRecords } from '../support/studio-records.js';

/** The catalog paths a value lacks: an object that is null, or a key that is not there. */
function missingPaths(data: Record<string, any>, basis: (typeof TEMPLATE_BASES)[number]): string[] {
  const missing: string[] = [];
  for (const object of mergeFieldCatalog(basis).objects) {
    const value = data[object.name];
    for (const field of object.fields) {
      const key = field.path.slice(object.name.length + 1);
      if (!value || !(key in value)) missing.push(field.path);
      else if (field.type === 'list')
        for (const item of field.items ?? [])
          if (!(item.path in (value[key][0] ?? {}))) missing.push(`${field.path}.first.${item.path}`);
    }
  }
  return missing;
}

forEachDialect('merge data built from real records', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let records: StudioRecords;
  let studio: StudioRow;

  beforeAll(async () => {
    const app = await makeServer(store(), clock);
    const fixture = await makeStudio(store(), clock, { sender_name: 'Front desk' });
    records = await makeStudioRecords(app, fixture.tokens.owner, fixture.ownerId);
    // The sample web form names no session or invoice; link them so every object has a record.
    const { session, invoice, web_form: webForm } = records.ids;
    const linked = await call(app, fixture.tokens.owner, 'PATCH', `/api/v1/web-forms/${webForm}`, {
      session_id: session,
      invoice_id: invoice,
    });
    expect(linked.status).toBe(200);
    studio = await getStudio(store().db, fixture.studio.id);
    await app.close();
  });

  for (const basis of TEMPLATE_BASES) {
    it(`fills every merge field the ${basis} catalog lists, and nothing it does not`, async () => {
      const data = await buildMergeData(store().db, studio, basis, records.ids[basis], {
        familyMemberId: records.ids.family_member,
      });
      expect(missingPaths(data, basis)).toEqual([]);
      const catalog = mergeFieldCatalog(basis);
      expect(Object.keys(data).sort()).toEqual(catalog.objects.map((o) => o.name).sort());
      for (const object of catalog.objects) {
        const keys = object.fields.map((f) => f.path.slice(object.name.length + 1));
        expect(Object.keys(data[object.name] as object).sort(), object.name).toEqual(keys.sort());
      }
    });
  }

  it('names catalog references, reaches the bill-to client through the invoice, and fills the staff user', async () => {
    const data: Record<string, any> = await buildMergeData(
      store().db,
      studio,
      'production_order',
      records.ids.production_order,
    );
    expect(data.production_order.status_name).toBe('Next production_order');
    expect(data.production_order.department_name).toBe('Printing');
    expect(data.client.first_name).toBe('Ada');
    expect(data.client.phones[0]).toMatchObject({ number: '+12125550142', sms_capable: true });
    expect(data.invoice.id).toBe(records.ids.invoice);
    expect(data.assigned_user.id).toBe(records.userId);
    expect(data.studio.sender_name).toBe('Front desk');
    expect(data.family_member).toBeNull();
    expect(data.links).toEqual({ web_form_url: null, unsubscribe_url: null });
  });

  it('never hands a template the secret token of a web form', async () => {
    const data = await buildMergeData(store().db, studio, 'web_form', records.ids.web_form);
    expect(JSON.stringify(data)).not.toMatch(/token/i);
  });
});
