import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../src/domain/sms-segments.js';

describe('smsSegments', () => {
  it('counts an empty text as no segment', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, segments: 0, perSegment: 160 });
  });

  it('fits 160 GSM-7 characters in one segment and splits 161 into two of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      characters: 160,
      segments: 1,
      perSegment: 160,
    });
    expect(smsSegments('a'.repeat(161))).toEqual({
      encoding: 'GSM-7',
      characters: 161,
      segments: 2,
      perSegment: 153,
    });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets', () => {
    expect(smsSegments('€'.repeat(80)).segments).toBe(1);
    expect(smsSegments('a'.repeat(159) + '€')).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(smsSegments('a'.repeat(158) + '{').segments).toBe(1);
    for (const c of ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']) {
      expect(smsSegments(c.repeat(80)).segments, c).toBe(1);
      expect(smsSegments(c.repeat(81)).segments, c).toBe(2);
    }
  });

  it('does not split an extension character across parts', () => {
    // 152 septets, then an escape pair that would straddle the 153 boundary: it opens part two.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(smsSegments(text).segments).toBe(3);
    expect(smsSegments('a'.repeat(151) + '€' + 'a'.repeat(153)).segments).toBe(2);
  });

  it('keeps é in GSM-7 but switches "Zoë" to UCS-2', () => {
    expect(smsSegments('Café René').encoding).toBe('GSM-7');
    expect(smsSegments('Hi Zoë')).toEqual({ encoding: 'UCS-2', characters: 6, segments: 1, perSegment: 70 });
  });

  it('fits 70 UCS-2 units in one segment and 67 per part beyond', () => {
    expect(smsSegments('ë'.repeat(70)).segments).toBe(1);
    expect(smsSegments('ë'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments('ë'.repeat(134)).segments).toBe(2);
    expect(smsSegments('ë'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 code units but one character', () => {
    expect(smsSegments('📸')).toEqual({ encoding: 'UCS-2', characters: 1, segments: 1, perSegment: 70 });
    expect(smsSegments('📸'.repeat(35)).segments).toBe(1);
    expect(smsSegments('📸'.repeat(36)).segments).toBe(2);
    // 66 units then a surrogate pair: the pair moves to part two instead of being cut.
    expect(smsSegments('a'.repeat(66) + '📸' + 'a'.repeat(66)).segments).toBe(3);
  });
});
