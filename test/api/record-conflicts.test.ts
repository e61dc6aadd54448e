import { expect, it } from 'vitest';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { snapshotRecord } from '../support/record-snapshot.js';
import { useStudioApi } from '../support/studio-api.js';

forEachDialect('records API: deleting and clashing', (store) => {
  const ctx = useStudioApi(store);

  const rowsOf = (table: string, column: string, id: number) =>
    loose(store().db).selectFrom(table).selectAll().where(column, '=', id).execute();

  it('refuses to delete a status used in history, says to mark it inactive, and keeps it', async () => {
    const { owner, samples } = ctx();
    const used = await owner.create('/statuses', { kind: 'session', name: 'Used once' });
    const session = await samples.create('session', { status_id: used.id });
    // The session has moved on: only its history still names the status.
    await owner.post(`/sessions/${session.id}/status`, { status_id: null });
    const response = await owner.delete(`/statuses/${used.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ERR_CONFLICT');
    expect(response.body.message).toBe(
      `Status ${used.id} is still in use by other records; mark it inactive instead`,
    );
    expect((await owner.read(`/statuses/${used.id}`)).name).toBe('Used once');
    expect(await owner.read(`/sessions/${session.id}/status-history`)).toMatchObject({
      data: [{ status_id: used.id }],
    });
    const unused = await owner.create('/statuses', { kind: 'session', name: 'Never used' });
    expect((await owner.delete(`/statuses/${unused.id}`)).status).toBe(204);
  });

  it('refuses to delete a client with sessions, says what to do, and changes nothing', async () => {
    const { owner, samples } = ctx();
    const client = await samples.create('client');
    await samples.create('session', { client_id: client.id });
    const before = await snapshotRecord(store().db, recordKind('client'), client.id);
    const response = await owner.delete(`/clients/${client.id}`);
    expect(response.status).toBe(409);
    expect(response.body.message).toBe(
      `Client ${client.id} is still in use by other records; delete or change those records first`,
    );
    expect(await snapshotRecord(store().db, recordKind('client'), client.id)).toEqual(before);
  });

  it('refuses to delete a type that sessions use, and says to mark it inactive', async () => {
    const { owner, samples } = ctx();
    const type = await samples.type('session', 'Headshots');
    await samples.create('session', { session_type_id: type.id });
    const response = await owner.delete(`/types/${type.id}`);
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/mark it inactive instead$/);
  });

  it('deletes a client with its family members, phones, email addresses and status history', async () => {
    const { owner, samples } = ctx();
    const status = await owner.create('/statuses', { kind: 'client', name: 'Prospect' });
    const client = await samples.create('client', {
      status_id: status.id,
      phones: [{ number: '(212) 555-0142' }, { number: '(212) 555-0143' }],
      emails: [{ address: 'gone@example.com' }],
    });
    const member = await samples.create('family_member', { client_id: client.id });
    const keeper = await samples.create('client', { phones: [{ number: '(212) 555-0144' }] });
    const keeperMember = await samples.create('family_member', { client_id: keeper.id });

    expect((await owner.delete(`/clients/${client.id}`)).status).toBe(204);
    expect((await owner.get(`/family-members/${member.id}`)).status).toBe(404);
    expect(await rowsOf('client_phones', 'client_id', client.id)).toEqual([]);
    expect(await rowsOf('client_emails', 'client_id', client.id)).toEqual([]);
    expect(await snapshotRecord(store().db, recordKind('client'), client.id)).toMatchObject({
      row: undefined,
      history: [],
    });
    // Nothing of another client went with it.
    expect((await owner.read(`/clients/${keeper.id}`)).phones).toHaveLength(1);
    expect((await owner.get(`/family-members/${keeperMember.id}`)).status).toBe(200);
  });

  it('deletes a session with its status history', async () => {
    const { owner, samples } = ctx();
    const status = await owner.create('/statuses', { kind: 'session', name: 'Short-lived' });
    const session = await samples.create('session', { status_id: status.id });
    expect((await owner.delete(`/sessions/${session.id}`)).status).toBe(204);
    expect(await snapshotRecord(store().db, recordKind('session'), session.id)).toMatchObject({
      row: undefined,
      history: [],
    });
    // With its history gone, the status can go too.
    expect((await owner.delete(`/statuses/${status.id}`)).status).toBe(204);
  });

  it('answers 409 naming the field when a loyalty reward code is already used in the studio', async () => {
    const { owner, samples, other } = ctx();
    const first = await samples.create('loyalty_reward', { code: 'SPRING-26' });
    const second = await owner.post('/loyalty-rewards', {
      ...(await samples.input(recordKind('loyalty_reward'))),
      code: ' SPRING-26 ',
    });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      code: 'ERR_CONFLICT',
      message: 'The loyalty reward repeats a value that must be unique',
      details: [{ path: 'code', problem: `is already used by loyalty reward ${first.id}` }],
    });
    const renamed = await samples.create('loyalty_reward', { code: 'SUMMER-26' });
    const clash = await owner.patch(`/loyalty-rewards/${renamed.id}`, { code: 'SPRING-26' });
    expect(clash.status).toBe(409);
    expect((await owner.read(`/loyalty-rewards/${renamed.id}`)).code).toBe('SUMMER-26');
    // Its own code and other fields may be written again; another studio has codes of its own.
    expect(
      (await owner.patch(`/loyalty-rewards/${first.id}`, { code: 'SPRING-26', notes: 'x' })).status,
    ).toBe(200);
    expect((await other.samples.create('loyalty_reward', { code: 'SPRING-26' })).code).toBe('SPRING-26');
  });
});
