import { describe, expect, it } from 'vitest';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

const DAY = 86_400_000;
const SESSION = recordKind('session');

forEachDialect('referral programs and loyalty rewards', (store) => {
  // 15:00 UTC is 10:00 in New York, the studio's zone.
  const ctx = useStudioApi(store, '2026-03-06T15:00:00Z');

  const program = (body: Record<string, unknown> = {}) =>
    ctx().owner.create('/referral-programs', {
      name: `Friends ${Math.random()}`,
      requires_session_booked: true,
      referred_within_days: 30,
      referrer_reward_cents: 5000,
      referred_reward_cents: 2500,
      reward_valid_days: 90,
      ...body,
    });
  const client = (body: Record<string, unknown> = {}) =>
    ctx().owner.create('/clients', { first_name: 'Ana', last_name: 'Reyes', ...body });
  const book = (clientId: number) => ctx().samples.create(SESSION, { client_id: clientId, canceled: false });
  const rewardsOf = async (clientId: number) =>
    (await ctx().owner.read(`/loyalty-rewards?client_id=${clientId}`)).data as Record<string, unknown>[];

  describe('referrals', () => {
    it('stamps the enrolment, waits for the booked session, then rewards referrer and referred once', async () => {
      const { owner, clock } = ctx();
      const friends = await program();
      const referrer = await client({ first_name: 'Maya' });
      const enrolled = await ctx().owner.patch(`/clients/${referrer.id}`, {
        referral_program_id: friends.id,
      });
      expect(enrolled.body.referral_enrolled_at).toBe(clock.now().toISOString());

      clock.advance(3 * DAY);
      const referred = await client({ first_name: 'Noor', referred_by_client_id: referrer.id });
      expect(await rewardsOf(referrer.id)).toEqual([]);

      await book(referred.id);
      const [reward] = await rewardsOf(referrer.id);
      expect(reward).toMatchObject({
        amount_cents: 5000,
        redeemed_cents: 0,
        issued_date: '2026-03-09',
        expiration_date: '2026-06-07',
        referral_program_id: friends.id,
        referred_client_id: referred.id,
      });
      expect(String(reward?.code)).toMatch(/^REF-[A-HJ-NP-Z2-9]{10}$/);
      expect(await rewardsOf(referred.id)).toMatchObject([
        { amount_cents: 2500, referred_client_id: referred.id },
      ]);

      // A second session, or a referrer who changes programs, pays nothing more.
      await book(referred.id);
      await owner.patch(`/clients/${referrer.id}`, { referral_program_id: (await program()).id });
      await owner.patch(`/clients/${referred.id}`, { referred_by_client_id: null });
      await owner.patch(`/clients/${referred.id}`, { referred_by_client_id: referrer.id });
      expect(await rewardsOf(referrer.id)).toHaveLength(1);
      expect(await rewardsOf(referred.id)).toHaveLength(1);
    });

    it('pays nothing for a referral outside the window, before the enrolment, or under an inactive program', async () => {
      const { owner, clock } = ctx();
      const friends = await program({ requires_session_booked: false, referred_within_days: 10 });
      const referrer = await client({ first_name: 'Olu' });
      const early = await client({ first_name: 'Early', referred_by_client_id: referrer.id });
      clock.advance(60_000);
      await owner.patch(`/clients/${referrer.id}`, { referral_program_id: friends.id });
      // Referred before the enrolment: even re-pointing the referral later does not pay it.
      await owner.patch(`/clients/${early.id}`, { referred_by_client_id: null });
      await owner.patch(`/clients/${early.id}`, { referred_by_client_id: referrer.id });
      clock.advance(11 * DAY);
      await client({ first_name: 'Late', referred_by_client_id: referrer.id });
      expect(await rewardsOf(referrer.id)).toEqual([]);

      const paused = await program({ requires_session_booked: false, is_active: false });
      const other = await client({ first_name: 'Pia', referral_program_id: paused.id });
      await client({ first_name: 'Quin', referred_by_client_id: other.id });
      expect(await rewardsOf(other.id)).toEqual([]);
    });

    it('rewards as soon as the referral is made when the program asks for no session', async () => {
      const friends = await program({ requires_session_booked: false, referred_reward_cents: 0 });
      const referrer = await client({ first_name: 'Ren', referral_program_id: friends.id });
      const referred = await client({ first_name: 'Sol', referred_by_client_id: referrer.id });
      expect(await rewardsOf(referrer.id)).toMatchObject([
        { amount_cents: 5000, referred_client_id: referred.id },
      ]);
      // No reward of 0 for the referred client.
      expect(await rewardsOf(referred.id)).toEqual([]);
    });

    it('does not count a canceled session, and pays when it is un-canceled', async () => {
      const { owner } = ctx();
      const friends = await program();
      const referrer = await client({ first_name: 'Tam', referral_program_id: friends.id });
      const referred = await client({ first_name: 'Uma', referred_by_client_id: referrer.id });
      const canceled = await ctx().samples.create(SESSION, { client_id: referred.id, canceled: true });
      expect(await rewardsOf(referred.id)).toEqual([]);
      await owner.patch(`/sessions/${canceled.id}`, { canceled: false });
      expect(await rewardsOf(referred.id)).toMatchObject([{ amount_cents: 2500 }]);
      // Canceled again later: the reward stays, it was earned when booked.
      await owner.patch(`/sessions/${canceled.id}`, { canceled: true });
      expect(await rewardsOf(referrer.id)).toHaveLength(1);
    });
  });

  describe('redemptions', () => {
    const reward = async (body: Record<string, unknown> = {}) => {
      const owner = await client({ first_name: 'Xia' });
      return ctx().owner.create('/loyalty-rewards', {
        client_id: owner.id,
        code: `GIFT-${Math.random().toString(36).slice(2, 10)}`,
        amount_cents: 5000,
        issued_date: '2026-03-01',
        expiration_date: '2026-12-31',
        ...body,
      });
    };

    it('redeems partly, then fully, keeps each redemption, and refuses more', async () => {
      const { owner } = ctx();
      const gift = await reward();
      const invoice = await owner.create('/invoices', {
        client_id: gift.client_id,
        invoice_date: '2026-03-06',
        total_cents: 20000,
      });
      const first = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, {
        amount_cents: 2000,
        invoice_id: invoice.id,
        note: 'Album upgrade',
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.reward).toEqual({
        id: gift.id,
        amount_cents: 5000,
        redeemed_cents: 2000,
        remaining_cents: 3000,
        state: 'available',
      });
      const over = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, { amount_cents: 3001 });
      expect(over.status).toBe(400);
      expect(over.body.details).toEqual([
        { path: 'amount_cents', problem: 'must be at most 3000, what is left of the reward' },
      ]);
      const rest = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, { amount_cents: 3000 });
      expect(rest.body.reward).toMatchObject({ remaining_cents: 0, state: 'fully_redeemed' });
      const again = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, { amount_cents: 1 });
      expect(again.status).toBe(409);
      const list = await owner.read(`/loyalty-rewards/${gift.id}/redemptions`);
      expect(
        list.map((r: { amount_cents: number; invoice_id: number | null }) => [r.amount_cents, r.invoice_id]),
      ).toEqual([
        [2000, invoice.id],
        [3000, null],
      ]);
      expect((await owner.read(`/loyalty-rewards/${gift.id}`)).redeemed_cents).toBe(5000);
    });

    it('refuses bad amounts, another client’s invoice and an expired reward, and changes nothing', async () => {
      const { owner } = ctx();
      const gift = await reward();
      const stranger = await client({ first_name: 'Yan' });
      const invoice = await owner.create('/invoices', {
        client_id: stranger.id,
        invoice_date: '2026-03-06',
        total_cents: 100,
      });
      const bad = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, { amount_cents: 0, extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([
        { path: 'extra', problem: 'is not a field of a redemption' },
        { path: 'amount_cents', problem: 'must be a whole number of cents, at least 1' },
      ]);
      const theirs = await owner.post(`/loyalty-rewards/${gift.id}/redemptions`, {
        amount_cents: 100,
        invoice_id: invoice.id,
      });
      expect(theirs.body.details).toEqual([
        { path: 'invoice_id', problem: "must be an invoice of the reward's client" },
      ]);
      const old = await reward({ issued_date: '2026-01-01', expiration_date: '2026-03-05' });
      const expired = await owner.post(`/loyalty-rewards/${old.id}/redemptions`, { amount_cents: 100 });
      expect(expired.status).toBe(409);
      expect(expired.body.message).toBe(`Loyalty reward ${old.id} expired on 2026-03-05`);
      expect((await owner.read(`/loyalty-rewards/${gift.id}`)).redeemed_cents).toBe(0);
      expect(await owner.read(`/loyalty-rewards/${gift.id}/redemptions`)).toEqual([]);
    });

    it('keeps a reward’s redeemed amount within its amount on edits too', async () => {
      const gift = await reward();
      const edit = await ctx().owner.patch(`/loyalty-rewards/${gift.id}`, { redeemed_cents: 5001 });
      expect(edit.status).toBe(400);
      expect(edit.body.details).toEqual([
        { path: 'redeemed_cents', problem: 'must not exceed amount_cents' },
      ]);
    });

    it('hides another studio’s reward', async () => {
      const { other, owner } = ctx();
      const theirs = await other.samples.create(recordKind('loyalty_reward'));
      expect(
        (await owner.post(`/loyalty-rewards/${theirs.id}/redemptions`, { amount_cents: 1 })).status,
      ).toBe(404);
      expect((await owner.get(`/loyalty-rewards/${theirs.id}/redemptions`)).status).toBe(404);
    });
  });
});
