import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/record-kinds/index.js';
import { listParameters } from '../../src/store/list-records.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

forEachDialect('OpenAPI document and Swagger UI', (store) => {
  const ctx = useStudioApi(store);
  let doc: any;

  beforeAll(async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });

  it('serves an OpenAPI 3 document without signing in', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Triggerfish API');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Swagger UI');
  });

  it('gives every operation a unique operationId', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      Object.entries(item).map(([method, op]: [string, any]) => ({
        route: `${method} ${path}`,
        id: op.operationId,
      })),
    );
    expect(operations.filter((op) => typeof op.id !== 'string').map((op) => op.route)).toEqual([]);
    const ids = operations.map((op) => op.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  for (const kind of RECORD_KINDS) {
    describe(kind.name, () => {
      const base = `/api/v1/${kind.path}`;

      it('documents list, create, read, update and delete, and status routes when the kind has statuses', () => {
        expect(Object.keys(doc.paths[base]).sort()).toEqual(['get', 'post']);
        expect(Object.keys(doc.paths[`${base}/{id}`]).sort()).toEqual(['delete', 'get', 'patch']);
        if (kind.status) {
          expect(Object.keys(doc.paths[`${base}/{id}/status`])).toEqual(['post']);
          expect(Object.keys(doc.paths[`${base}/{id}/status-history`])).toEqual(['get']);
        } else {
          expect(doc.paths[`${base}/{id}/status`]).toBeUndefined();
        }
      });

      it('documents every list query parameter', () => {
        const documented = doc.paths[base].get.parameters.filter((p: any) => p.in === 'query');
        expect(documented.map((p: any) => p.name).sort()).toEqual(
          listParameters(kind)
            .map((p) => p.name)
            .sort(),
        );
        expect(documented.find((p: any) => p.name === 'limit').schema).toMatchObject({
          minimum: 1,
          maximum: 500,
        });
      });

      it('describes the record exactly as the API returns it', async () => {
        const { samples, owner } = ctx();
        const created = await samples.create(kind);
        const read = await owner.read(`/${kind.path}/${created.id}`);
        const schema = doc.paths[`${base}/{id}`].get.responses['200'].content['application/json'].schema;
        expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(read).sort());
        const body = doc.paths[base].post.requestBody.content['application/json'].schema;
        expect(body.required ?? []).toEqual(
          kind.fields.filter((f) => f.required && !f.readOnly).map((f) => f.name),
        );
      });
    });
  }

  it('lists only sort values that the list accepts', async () => {
    const { owner } = ctx();
    const sorts = doc.paths['/api/v1/sessions'].get.parameters.find((p: any) => p.name === 'sort').schema
      .enum;
    expect(sorts).toEqual(expect.arrayContaining(['start', '-start', 'nps_score', 'id', '-updated_at']));
    expect(sorts).not.toContain('custom_fields');
    for (const sort of sorts)
      expect((await owner.get(`/sessions?sort=${sort}&limit=1`)).status, sort).toBe(200);
    expect((await owner.get('/sessions?sort=custom_fields')).status).toBe(400);
  });

  it('documents the consent ledger of a client', () => {
    expect(doc.paths['/api/v1/clients/{id}/consent-events'].get.operationId).toBe('listClientConsentEvents');
  });

  it('documents the trigger history with its filters and the fields of each row', () => {
    const list = doc.paths['/api/v1/triggered-items'].get;
    expect(list.operationId).toBe('listTriggeredItems');
    const names = list.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['record_kind', 'record_id', 'client_id', 'state', 'cursor']),
    );
    const row = list.responses['200'].content['application/json'].schema.properties.data.items.properties;
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining(['trigger_name', 'state', 'reason', 'trigger_date', 'last_transition_at']),
    );
  });

  it('marks public routes as needing no credentials', () => {
    expect(doc.paths['/api/v1/health'].get.security).toEqual([]);
  });
});
