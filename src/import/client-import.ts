import { recordKind } from '../domain/record-kinds/index.js';
import { ImportLookups } from './import-lookups.js';
import type { ExtraMapping, ImportTarget } from './import-target.js';

const PHONE_COLUMNS = [
  { column: 'phone', label: 'home', smsCapable: false },
  { column: 'mobile', label: 'mobile', smsCapable: true },
] as const;

/** `triggerfish import clients`: the client fields, plus phone, mobile, email and status by name. */
export const clientImport: ImportTarget = {
  name: 'clients',
  kind: recordKind('client'),
  extraColumns: {
    phone: 'a phone number that does not receive SMS (label "home")',
    mobile: 'a mobile number that receives SMS (label "mobile")',
    email: 'the primary email address',
    status: 'the client status, by name (e.g. Lead)',
  },
  substitutes: { status_id: ['status'] },

  loadLookups: (db, studioId) => ImportLookups.load(db, studioId),

  mapExtras(cells, input, lookups): ExtraMapping {
    const mapping: ExtraMapping = { problems: [], sources: {} };
    const phones = [];
    for (const { column, label, smsCapable } of PHONE_COLUMNS) {
      const number = cells.get(column);
      if (number === undefined) continue;
      mapping.sources[`phones.${phones.length}.number`] = column;
      phones.push({ number, label, sms_capable: smsCapable });
    }
    if (phones.length > 0) input.phones = phones;
    const email = cells.get('email');
    if (email !== undefined) {
      input.emails = [{ address: email, is_primary: true }];
      mapping.sources['emails.0.address'] = 'email';
    }
    const status = cells.get('status');
    if (status !== undefined) {
      const found = lookups.status('client', status, null);
      if ('id' in found) input.status_id = found.id;
      else mapping.problems.push({ path: 'status', problem: found.problem });
      mapping.sources.status_id = 'status';
    }
    return mapping;
  },
};
