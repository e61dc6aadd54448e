import { describe, expect, it } from 'vitest';
import {
  signUnsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
  type UnsubscribeRef,
} from '../../src/domain/unsubscribe-token.js';

const SECRET = 'a-secret-of-this-installation';
const ref: UnsubscribeRef = { studioId: 7, clientId: 4412, channel: 'email', communicationId: 90001 };

describe('unsubscribe tokens', () => {
  it('verifies a token it signed and gives back whom it is about', () => {
    const token = signUnsubscribeToken(SECRET, ref);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual(ref);
  });

  it('is URL-safe and readable: the ids, then a 43-character signature', () => {
    const token = signUnsubscribeToken(SECRET, ref);
    expect(token).toMatch(/^7\.4412\.email\.90001\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(unsubscribeUrl('https://studio.example/', token)).toBe(`https://studio.example/u/${token}`);
  });

  it('keeps a message to someone who is not a client apart from client 0', () => {
    const token = signUnsubscribeToken(SECRET, { ...ref, clientId: null });
    expect(token.startsWith('7.0.email.90001.')).toBe(true);
    expect(verifyUnsubscribeToken(SECRET, token)?.clientId).toBeNull();
  });

  it('refuses a token whose ids were changed', () => {
    const token = signUnsubscribeToken(SECRET, ref);
    const signature = token.split('.').at(-1);
    for (const forged of [
      `7.4413.email.90001.${signature}`,
      `8.4412.email.90001.${signature}`,
      `7.4412.sms.90001.${signature}`,
      `7.4412.email.90002.${signature}`,
    ]) {
      expect(verifyUnsubscribeToken(SECRET, forged)).toBeNull();
    }
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyUnsubscribeToken('another', signUnsubscribeToken(SECRET, ref))).toBeNull();
  });

  it('refuses malformed tokens without throwing', () => {
    const token = signUnsubscribeToken(SECRET, ref);
    for (const bad of [
      '',
      'x',
      token.slice(0, -1),
      `${token}A`,
      `07.4412.email.90001.${token.slice(-43)}`,
      token.replace('email', 'fax'),
    ]) {
      expect(verifyUnsubscribeToken(SECRET, bad)).toBeNull();
    }
  });
});
