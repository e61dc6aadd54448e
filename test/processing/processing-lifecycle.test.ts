import { beforeAll, expect, it } from 'vitest';
import { processItems } from '../../src/processing/process-items.js';
import { getStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const email = (address: string) => ({ address, label: 'home', is_primary: true });
const PUBLIC = { publicUrl: 'http://triggerfish.test' };

forEachDialect('processing an item: preview, re-qualification and exactly once', (store) => {
  let s: ProcessingStudio;
  let sessionType: number;
  beforeAll(async () => {
    s = await processingStudio(store());
    sessionType = (await s.api.create('/types', { kind: 'session', name: 'Family' })).id;
  });
  const mail = () => ({ action: 'email', action_settings: { email_template_id: s.templates.email } });
  const communicationsOf = async (itemId: number) =>
    (await s.api.read(`/communications?triggered_item_id=${itemId}`)).data;

  it('previews the rendered message without writing anything, and processing then writes exactly that', async () => {
    const queued = await s.queue(mail(), { first_name: 'Zoë', emails: [email('zoe@example.com')] });
    const preview = await s.api.read(`/items/${queued.itemId}/preview`);
    expect(preview).toMatchObject({
      state: 'pending',
      qualifies: true,
      reason: null,
      channel_used: 'email',
      recipient: { kind: 'client', name: 'Zoë Lovelace', client_id: queued.clientId },
    });
    expect(preview.outputs).toEqual([
      expect.objectContaining({ channel: 'email', to: 'zoe@example.com', subject: 'Welcome, Zoë' }),
    ]);
    expect(await communicationsOf(queued.itemId)).toEqual([]);
    const item = await s.api.read(`/items/${queued.itemId}`);
    expect(item.state).toBe('pending');
    expect(item.record).toMatchObject({ id: queued.clientId, first_name: 'Zoë' });
    await s.api.post('/queue/process', { item_ids: [queued.itemId] });
    const [written] = await communicationsOf(queued.itemId);
    // The unsubscribe link's token signs the communication's id, so the preview can only show where it goes.
    const token = /\/u\/([\w.-]+)/.exec(written.body_text)?.[1] as string;
    const withToken = (value: string) => value.split('(link made when processed)').join(token);
    expect([written.subject, written.body_html, written.body_text]).toEqual([
      preview.outputs[0].subject,
      withToken(preview.outputs[0].html),
      withToken(preview.outputs[0].text),
    ]);
  });

  it('processes an item once: a second Process, by hand or for all, leaves it and its email alone', async () => {
    const queued = await s.queue(mail(), { emails: [email('once@example.com')] });
    const first = await s.api.post('/queue/process', { item_ids: [queued.itemId] });
    expect(first.body).toEqual({
      processed: [queued.itemId],
      withdrawn: [],
      expired: [],
      unchanged: [],
      failed: [],
    });
    const again = await s.api.post('/queue/process', { item_ids: [queued.itemId] });
    expect(again.body.unchanged).toEqual([queued.itemId]);
    await s.api.post('/queue/process', { all: true });
    expect(await communicationsOf(queued.itemId)).toHaveLength(1);
    const history = (await s.api.read(`/items/${queued.itemId}`)).history;
    expect(history.map((h: any) => h.to_state)).toEqual(['pending', 'processed']);
  });

  it('re-qualifies at processing: a session canceled since it was queued is withdrawn and nothing is sent', async () => {
    const queued = await s.queue(
      {
        trigger_type: 'session_type',
        date_option: 'booked_date',
        exclusions: { canceled: true },
        action: 'task',
        action_settings: { task_type_id: s.catalogs.taskType, subject: 'Prepare' },
      },
      {},
      { path: '/sessions', body: { session_type_id: sessionType, start: '2026-12-01T15:00:00Z' } },
    );
    const preview = await s.api.read(`/items/${queued.itemId}/preview`);
    expect(preview.qualifies).toBe(true);
    // No Control Center run in between: processing itself must notice.
    await s.api.patch(`/sessions/${queued.recordId}`, { canceled: true });
    expect((await s.api.read(`/items/${queued.itemId}/preview`)).reason).toBe(
      'would be withdrawn: excluded: the session is canceled',
    );
    const result = await s.api.post('/queue/process', { trigger_id: queued.triggerId });
    expect(result.body.withdrawn).toEqual([queued.itemId]);
    const item = await s.api.read(`/items/${queued.itemId}`);
    expect(item).toMatchObject({
      state: 'withdrawn',
      reason: 'excluded: the session is canceled',
      result: null,
    });
    expect((await s.api.read(`/tasks?client_id=${queued.clientId}`)).data).toEqual([]);
  });

  it('expires at processing an item of "Triggered Date is Past" whose day is over, creating nothing', async () => {
    const queued = await s.queue(
      { ...mail(), exclusions: { date_is_past: true } },
      { emails: [email('late@example.com')] },
    );
    const studio = await getStudio(store().db, s.fixture.studio.id);
    const nextDay = new Date(s.now().getTime() + 24 * 3_600_000);
    const result = await processItems(
      store().db,
      studio,
      { itemIds: [queued.itemId] },
      { actor: 'user', userId: null },
      nextDay,
      PUBLIC,
    );
    expect(result.expired).toEqual([queued.itemId]);
    expect(await communicationsOf(queued.itemId)).toEqual([]);
  });

  it('processes a whole trigger, oldest trigger date first, and reports each item', async () => {
    const trigger = (
      await s.api.create('/triggers', {
        name: 'Batch',
        trigger_type: 'client_status',
        date_option: 'created',
        ...mail(),
      })
    ).id;
    await s.tick();
    for (const name of ['One', 'Two', 'Three']) {
      await s.api.create('/clients', {
        first_name: name,
        last_name: 'B',
        emails: [email(`${name.toLowerCase()}@example.com`)],
      });
      await s.tick();
    }
    const pending = (await s.api.read(`/queue/items?trigger_id=${trigger}`)).data.map((i: any) => i.id);
    expect(pending).toHaveLength(3);
    const result = await s.api.post('/queue/process', { trigger_id: trigger });
    expect(result.body.processed).toEqual(pending);
    expect((await s.api.read(`/queue/items?trigger_id=${trigger}`)).data).toEqual([]);
  });

  it('refuses a selection that is not exactly one of item_ids, trigger_id or all, and processes nothing', async () => {
    const queued = await s.queue(mail(), { emails: [email('refused@example.com')] });
    const answer = await s.api.post('/queue/process', { item_ids: [queued.itemId], all: true });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      { path: '', problem: 'must give exactly one of item_ids, trigger_id or all' },
    ]);
    expect((await s.api.read(`/items/${queued.itemId}`)).state).toBe('pending');
  });

  it('explains in words what processing made of the occurrence', async () => {
    const sent = await s.fire(mail(), { emails: [email('told@example.com')] });
    const told = await s.api.read(`/triggers/${sent.triggerId}/explain?record_id=${sent.clientId}`);
    expect(told.summary).toMatch(
      /^Client \d+ got "Trigger \d+": it was processed \(trigger date .*\) — processed: email to told@example\.com\.$/,
    );
    const unsent = await s.fire(mail(), {});
    const why = await s.api.read(`/triggers/${unsent.triggerId}/explain?record_id=${unsent.clientId}`);
    expect(why.summary).toMatch(
      /but nothing was created \(trigger date .*\): nothing sent: no usable channel \(email: no email address\)\.$/,
    );
  });
});
