import { describe, expect, it } from 'vitest';
import { describeSegments, smsSegments } from '../src/format/sms-segments';

describe('SMS counter of the editor', () => {
  it('counts GSM-7 text in parts of 160, then 153', () => {
    expect(describeSegments(smsSegments('a'.repeat(160)))).toBe('160 characters · 1 SMS part (GSM-7)');
    expect(describeSegments(smsSegments('a'.repeat(161)))).toBe('161 characters · 2 SMS parts (GSM-7)');
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7', () => {
    expect(describeSegments(smsSegments(`${'a'.repeat(70)}ł`))).toBe('71 characters · 2 SMS parts (UCS-2)');
    expect(describeSegments(smsSegments('ł'))).toBe('1 character · 1 SMS part (UCS-2)');
  });
});
