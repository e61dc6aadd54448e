import { expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const email = (address: string) => ({ address, label: 'home', is_primary: true });

/** When the Control Center processed the item: the time of its `processed` transition. */
async function processedAt(s: ProcessingStudio, itemId: number): Promise<string | null> {
  const item = await s.api.read(`/items/${itemId}`);
  const step = item.history.find((h: any) => h.to_state === 'processed');
  if (step) expect(step.actor).toBe('control_center');
  return step?.at ?? null;
}

forEachDialect('the Control Center processes automatic items in their time frame', (store) => {
  const automatic = (s: ProcessingStudio, frame: Record<string, unknown>) => ({
    action: 'email',
    action_settings: { email_template_id: s.templates.email },
    processing: 'automatic',
    time_frame: frame,
  });

  it('a night frame (22:00–06:00, not on Sundays) across the autumn clock change in New York', async () => {
    // Saturday 31 October 2026, noon in New York (EDT). Clocks go back at 02:00 on Sunday 1 November.
    const s = await processingStudio(store(), {}, '2026-10-31T16:00:00Z');
    const frame = { from: '22:00', to: '06:00', blocked_weekdays: [7] };
    const saturday = await s.queue(automatic(s, frame), { emails: [email('sat@example.com')] });
    // Queued at noon, outside the frame: it waits.
    expect(await processedAt(s, saturday.itemId)).toBeNull();
    await s.advanceTo('2026-10-31T16:15:00Z');
    await s.advanceTo('2026-11-01T15:00:00Z', 15);
    // Saturday 22:00 EDT. Saturday night's frame runs into Sunday morning and is Saturday's.
    expect(await processedAt(s, saturday.itemId)).toBe('2026-11-01T02:00:00.000Z');
    const sunday = await s.queue(automatic(s, frame), { emails: [email('sun@example.com')] });
    await s.advanceTo('2026-11-01T15:15:00Z');
    await s.advanceTo('2026-11-03T12:00:00Z', 15);
    // Not Sunday night (a blocked Sunday's frame, including its hours after midnight), but Monday
    // 22:00 EST, which after the change is 03:00 UTC.
    expect(await processedAt(s, sunday.itemId)).toBe('2026-11-03T03:00:00.000Z');
    const delivered = (await s.api.read(`/communications?triggered_item_id=${sunday.itemId}`)).data;
    expect(delivered.map((c: any) => c.delivery.state)).toEqual(['delivered']);
  });

  it('a day frame (09:00–17:00) opens at 09:00 local on the spring clock change', async () => {
    // Saturday 7 March 2026, 23:00 EST; clocks go forward at 02:00 on Sunday 8 March.
    const s = await processingStudio(store(), {}, '2026-03-08T04:00:00Z');
    const queued = await s.queue(automatic(s, { from: '09:00', to: '17:00', blocked_weekdays: [] }), {
      emails: [email('spring@example.com')],
    });
    await s.advanceTo('2026-03-08T04:15:00Z');
    await s.advanceTo('2026-03-08T12:45:00Z', 15);
    expect(await processedAt(s, queued.itemId)).toBeNull();
    await s.advanceTo('2026-03-08T18:00:00Z', 15);
    expect(await processedAt(s, queued.itemId)).toBe('2026-03-08T13:00:00.000Z');
  });

  it('leaves the items of manual triggers in the queue', async () => {
    const s = await processingStudio(store());
    const queued = await s.queue(
      { action: 'email', action_settings: { email_template_id: s.templates.email } },
      { emails: [email('manual@example.com')] },
    );
    await s.advanceTo('2026-11-04T15:00:00Z', 60);
    expect((await s.api.read(`/items/${queued.itemId}`)).state).toBe('pending');
  });

  it('logs what each run processed and delivered', async () => {
    const s = await processingStudio(store());
    await s.api.create('/triggers', {
      name: 'All day',
      trigger_type: 'client_status',
      date_option: 'created',
      ...automatic(s, { from: null, to: null, blocked_weekdays: [] }),
    });
    await s.tick();
    await s.api.create('/clients', { first_name: 'A', last_name: 'B', emails: [email('log@example.com')] });
    await s.tick();
    const runs = (await s.api.read('/control-center/runs?limit=5')).data;
    const totals = runs.reduce(
      (sum: Record<string, number>, run: any) => ({
        processed: sum.processed + run.counts.processed,
        delivered: sum.delivered + run.counts.delivered,
      }),
      { processed: 0, delivered: 0 },
    );
    expect(totals).toEqual({ processed: 1, delivered: 1 });
  });

  it('a message that cannot be rendered leaves its item pending with the error on the run; the rest go on', async () => {
    const s = await processingStudio(store());
    const runaway = (
      await s.api.create('/templates', {
        name: 'Runaway',
        channel: 'email',
        basis: 'client',
        subject: 'Hello',
        body_text: '{% for i in (1..100000000) %}x{% endfor %}',
      })
    ).id;
    const always = { from: null, to: null, blocked_weekdays: [] };
    const broken = (
      await s.api.create('/triggers', {
        name: 'Broken',
        trigger_type: 'client_status',
        date_option: 'created',
        ...automatic(s, always),
        action_settings: { email_template_id: runaway },
      })
    ).id;
    const fine = (
      await s.api.create('/triggers', {
        name: 'Fine',
        trigger_type: 'client_status',
        date_option: 'created',
        ...automatic(s, always),
      })
    ).id;
    await s.tick();
    await s.api.create('/clients', { first_name: 'A', last_name: 'B', emails: [email('a@example.com')] });
    const advanced = await s.tick();
    expect(advanced.totals).toMatchObject({ queued: 2, processed: 1, failed: 1 });
    expect(advanced.errors).toEqual([
      { run_at: expect.any(String), error: expect.stringMatching(/^item \d+: .*limit exceeded/) },
    ]);
    const [stuck] = (await s.api.read(`/queue/items?trigger_id=${broken}`)).data;
    expect(stuck.state).toBe('pending');
    expect((await s.api.read(`/communications?triggered_item_id=${stuck.id}`)).data).toEqual([]);
    expect((await s.api.read(`/queue/items?trigger_id=${fine}`)).data).toEqual([]);
    const byHand = await s.api.post('/queue/process', { item_ids: [stuck.id] });
    expect(byHand.body.failed).toEqual([{ id: stuck.id, error: expect.stringMatching(/limit exceeded/) }]);
  });
});
