import { recordKind } from '../domain/record-kinds/index.js';
import { ImportLookups, type Lookup } from './import-lookups.js';
import type { ExtraMapping, ImportTarget } from './import-target.js';

const CLIENT_COLUMNS = ['client_number', 'client_email'] as const;

/**
 * `triggerfish import sessions`: the session fields, with the client found by client number or
 * email address, and the session type and status by name (a status scoped to other session types
 * does not match).
 */
export const sessionImport: ImportTarget = {
  name: 'sessions',
  kind: recordKind('session'),
  extraColumns: {
    client_number: 'finds the client by client number',
    client_email: 'finds the client by one of its email addresses',
    session_type: 'the session type, by name (e.g. Family Portrait)',
    status: 'the session status, by name (e.g. Booked)',
  },
  substitutes: {
    client_id: CLIENT_COLUMNS,
    session_type_id: ['session_type'],
    status_id: ['status'],
  },

  loadLookups: (db, studioId, rows) =>
    ImportLookups.load(db, studioId, {
      clientNumbers: rows.flatMap((cells) => cells.get('client_number') ?? []),
      clientEmails: rows.flatMap((cells) => cells.get('client_email') ?? []),
    }),

  mapExtras(cells, input, lookups): ExtraMapping {
    const mapping: ExtraMapping = { problems: [], sources: {} };
    const resolve = (column: string, field: string, lookup: (value: string) => Lookup) => {
      const value = cells.get(column);
      if (value === undefined) return;
      const found = lookup(value);
      if ('id' in found) input[field] = found.id;
      else mapping.problems.push({ path: column, problem: found.problem });
      mapping.sources[field] = column;
    };
    resolve('client_number', 'client_id', (value) => lookups.clientByNumber(value));
    resolve('client_email', 'client_id', (value) => lookups.clientByEmail(value));
    resolve('session_type', 'session_type_id', (value) => lookups.type('session', value));
    const typeId = Number(input.session_type_id);
    resolve('status', 'status_id', (value) =>
      lookups.status('session', value, Number.isSafeInteger(typeId) ? typeId : null),
    );
    return mapping;
  },
};
