import { describe, expect, it } from 'vitest';
import { smsKeywordOf } from '../../src/domain/sms-keyword-of.js';

describe('smsKeywordOf', () => {
  it('reads the first word upper case, after leading white space, whatever follows it', () => {
    expect(smsKeywordOf('mini')).toBe('MINI');
    expect(smsKeywordOf('  Mini please, Saturday?')).toBe('MINI');
    expect(smsKeywordOf('\n\tmInI\nsee you')).toBe('MINI');
    expect(smsKeywordOf('Mini2026 yes')).toBe('MINI2026');
  });

  it('drops punctuation and symbols at the ends of the word, not inside it', () => {
    for (const body of ['Mini!', 'mini.', '"MINI"', '(mini), thanks', 'Mini🎉', '¡mini!']) {
      expect(smsKeywordOf(body), body).toBe('MINI');
    }
    expect(smsKeywordOf('mini-session')).toBeNull();
    expect(smsKeywordOf("mini's")).toBeNull();
  });

  it('finds no keyword when the first word is not letters and digits of the Latin alphabet', () => {
    expect(smsKeywordOf('')).toBeNull();
    expect(smsKeywordOf('   ')).toBeNull();
    expect(smsKeywordOf('🎉 mini')).toBeNull();
    expect(smsKeywordOf('mını')).toBeNull(); // dotless i: not "MINI"
    expect(smsKeywordOf('café')).toBeNull();
    expect(smsKeywordOf('please mini')).toBe('PLEASE');
  });
});
