import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

forEachDialect('records API: list filters, search and sort', (store) => {
  // The studio is in New York: 23:30 there on 10 March 2026 is 03:30 UTC on 11 March.
  const ctx = useStudioApi(store, '2026-03-06T15:00:00Z', { time_zone: 'America/New_York' });
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { owner, samples } = ctx();
    const portrait = await samples.type('session', 'Portrait');
    const wedding = await samples.type('session', 'Wedding');
    const booked = await owner.create('/statuses', { kind: 'session', name: 'Booked' });
    const shot = await owner.create('/statuses', { kind: 'session', name: 'Shot' });
    Object.assign(ids, { portrait: portrait.id, wedding: wedding.id, booked: booked.id, shot: shot.id });
    const client = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await owner.create('/clients', { last_name: 'Client', ...body })).id;
    };
    await client('zoe', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      birth_date: '1990-06-15',
      phones: [{ number: '(212) 555-0142', sms_capable: true }],
      emails: [{ address: 'Zoe.A@Example.COM' }],
    });
    await client('natural', { first_name: 'Pure', last_name: '100% Natural', birth_date: '1985-01-01' });
    await client('underscore', { first_name: 'Ann', company_name: 'A_B Studio' });
    await client('london', { first_name: 'Liz', phones: [{ number: '+44 20 7946 0958' }] });
    const session = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await owner.create('/sessions', { client_id: ids.zoe, ...body })).id;
    };
    await session('late', {
      session_type_id: portrait.id,
      status_id: booked.id,
      confirmed: true,
      start: '2026-03-10T23:30:00-04:00',
      session_number: 'S-100',
    });
    await session('wedding', {
      client_id: ids.natural,
      session_type_id: wedding.id,
      start: '2026-03-11T10:00:00-04:00',
      nps_score: 9,
    });
    await session('shot', {
      session_type_id: portrait.id,
      status_id: shot.id,
      start: '2026-03-12T09:00:00-04:00',
      nps_score: 3,
      description: 'Headshots 50% off',
    });
  });

  const list = async (kind: string, query: string) => {
    const response = await ctx().owner.get(`/${kind}?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data.map((r: any) => r.id);
  };
  const sessions = (query: string) => list('sessions', query);
  const clients = (query: string) => list('clients', query);

  it('filters by a reference, by a flag and by "null" for none', async () => {
    expect(await sessions(`status_id=${ids.booked}`)).toEqual([ids.late]);
    expect(await sessions(`session_type_id=${ids.portrait}`)).toEqual([ids.late, ids.shot]);
    expect(await sessions('confirmed=true')).toEqual([ids.late]);
    expect(await sessions('confirmed=false')).toEqual([ids.wedding, ids.shot]);
    expect(await sessions('status_id=null')).toEqual([ids.wedding]);
    expect(await sessions('status_id=')).toEqual([ids.wedding]);
    expect(await sessions(`client_id=${ids.natural}`)).toEqual([ids.wedding]);
    expect(await sessions(`session_type_id=${ids.portrait}&confirmed=false`)).toEqual([ids.shot]);
    expect(await sessions('nps_score=9')).toEqual([ids.wedding]);
  });

  it('reads a bare date on a date-time filter as the studio-local day', async () => {
    expect(await sessions('start_from=2026-03-10&start_to=2026-03-10')).toEqual([ids.late]);
    expect(await sessions('start_from=2026-03-11')).toEqual([ids.wedding, ids.shot]);
    expect(await sessions('start_to=2026-03-11')).toEqual([ids.late, ids.wedding]);
    expect(await sessions('start_from=2026-03-11&start_to=2026-03-11')).toEqual([ids.wedding]);
  });

  it('takes instants with an offset on date-time filters, both ends included', async () => {
    expect(await sessions('start_from=2026-03-11T03:30:00Z')).toEqual([ids.late, ids.wedding, ids.shot]);
    expect(await sessions('start_to=2026-03-11T03:29:59Z')).toEqual([]);
    expect(await sessions(`start_to=${encodeURIComponent('2026-03-10T23:30:00-04:00')}`)).toEqual([ids.late]);
  });

  it('filters a date field by a range of calendar dates', async () => {
    expect(await clients('birth_date_from=1990-01-01&birth_date_to=1990-12-31')).toEqual([ids.zoe]);
    expect(await clients('birth_date_to=1989-12-31')).toEqual([ids.natural]);
  });

  it('filters a date or date-time field by "null" for none, and a date field by one day', async () => {
    expect(await clients('birth_date=1990-06-15')).toEqual([ids.zoe]);
    expect((await clients('birth_date=null')).sort()).toEqual([ids.underscore, ids.london].sort());
    expect(await sessions('nps_received_at=null')).toEqual([ids.late, ids.wedding, ids.shot]);
    const instant = await ctx().owner.get('/sessions?nps_received_at=2026-03-11');
    expect(instant.status).toBe(400);
    expect(instant.body.details).toEqual([
      {
        path: 'nps_received_at',
        problem: 'must be "null" (has none); for a time span use nps_received_at_from and _to',
      },
    ]);
    expect((await ctx().owner.get('/sessions?start=null')).body.details).toEqual([
      { path: 'start', problem: 'is not a filter of this list' },
    ]);
  });

  it('finds text case-insensitively, accents included', async () => {
    expect(await clients('q=ÅNGSTRÖM')).toEqual([ids.zoe]);
    expect(await clients('q=zoë')).toEqual([ids.zoe]);
    expect(await sessions('q=s-100')).toEqual([ids.late]);
    expect(await clients('q=nobody-has-this')).toEqual([]);
  });

  it('finds a client by an email address, in any case', async () => {
    expect(await clients('q=zoe.a@example.com')).toEqual([ids.zoe]);
    expect(await clients('q=EXAMPLE.com')).toEqual([ids.zoe]);
  });

  it('finds a client by a phone number however it is written', async () => {
    for (const typed of ['(212) 555-0142', '212-555-0142', '212.555.0142', '555-0142', '+1 212 555 0142']) {
      expect(await clients(`q=${encodeURIComponent(typed)}`), typed).toEqual([ids.zoe]);
    }
    expect(await clients(`q=${encodeURIComponent('+44 20 7946 0958')}`)).toEqual([ids.london]);
    expect(await clients(`q=${encodeURIComponent('212 555 0199')}`)).toEqual([]);
  });

  it('treats % and _ in the search text as themselves, not as wildcards', async () => {
    expect(await clients(`q=${encodeURIComponent('%')}`)).toEqual([ids.natural]);
    expect(await clients('q=_')).toEqual([ids.underscore]);
    expect(await clients(`q=${encodeURIComponent('0% n')}`)).toEqual([ids.natural]);
    expect(await sessions(`q=${encodeURIComponent('50%')}`)).toEqual([ids.shot]);
    expect(await clients(`q=${encodeURIComponent('a%b')}`)).toEqual([]);
  });

  it('sorts a field with empty values ascending (empty last) and descending (empty first)', async () => {
    expect(await sessions('sort=nps_score')).toEqual([ids.shot, ids.wedding, ids.late]);
    expect(await sessions('sort=-nps_score')).toEqual([ids.late, ids.wedding, ids.shot]);
    expect(await sessions('sort=-start')).toEqual([ids.shot, ids.wedding, ids.late]);
    const byBirth = await clients('sort=birth_date');
    expect(byBirth.slice(0, 2)).toEqual([ids.natural, ids.zoe]);
    expect(byBirth.slice(2).sort()).toEqual([ids.underscore, ids.london].sort());
  });

  it('refuses a bad list query, naming every parameter at fault', async () => {
    const { owner } = ctx();
    const response = await owner.get(
      '/sessions?colour=red&limit=0&cursor=zzz&sort=shoe&confirmed=maybe&start_from=2026-02-30&nps_score=11&status_id=abc',
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ERR_VALIDATION');
    expect(response.body.details.map((d: any) => d.path).sort()).toEqual(
      ['colour', 'confirmed', 'limit', 'nps_score', 'sort', 'start_from', 'status_id'].sort(),
    );
    for (const limit of ['0', '501', 'abc', '2.5', '-1']) {
      const bad = await owner.get(`/sessions?limit=${limit}`);
      expect(bad.body.details, limit).toEqual([
        { path: 'limit', problem: 'must be a whole number from 1 to 500' },
      ]);
    }
    const cursor = await owner.get('/sessions?cursor=not-a-cursor');
    expect(cursor.body.details).toEqual([{ path: 'cursor', problem: 'is not a cursor this list gave out' }]);
  });

  it('refuses a parameter given twice, a NUL character, and "none" for a flag', async () => {
    const { owner } = ctx();
    const twice = await owner.get(`/sessions?status_id=${ids.booked}&status_id=${ids.shot}&q=a&q=b`);
    expect(twice.body.details).toEqual([
      { path: 'status_id', problem: 'must be given once' },
      { path: 'q', problem: 'must be given once' },
    ]);
    const nul = await owner.get('/clients?q=a%00b');
    expect(nul.status).toBe(400);
    expect(nul.body.details).toEqual([{ path: 'q', problem: 'must not contain a NUL character' }]);
    const none = await owner.get('/sessions?confirmed=null');
    expect(none.body.details).toEqual([{ path: 'confirmed', problem: 'must be true or false' }]);
  });

  it('normalises phone and email filter values like the stored ones', async () => {
    const { owner } = ctx();
    const member = await owner.create('/family-members', {
      client_id: ids.zoe,
      first_name: 'Kid',
      phone: '(212) 555-0177',
      email: 'Kid@Example.com',
    });
    expect(await list('family-members', `phone=${encodeURIComponent('212 555 0177')}`)).toEqual([member.id]);
    expect(await list('family-members', 'email=Kid@EXAMPLE.com')).toEqual([member.id]);
    expect((await owner.get('/family-members?phone=12')).body.details[0].path).toBe('phone');
  });
});
