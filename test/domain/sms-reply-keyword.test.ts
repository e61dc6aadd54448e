import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWordOf, smsReplyKeyword } from '../../src/domain/sms-reply-keyword.js';

const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const anyCasing = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
/** What people put around a word: spaces, punctuation, emoji — never a letter or digit. */
const wrapping = fc
  .array(
    fc.constantFrom(
      ' ',
      '\n',
      '\t',
      '.',
      '!',
      '?',
      '"',
      "'",
      '(',
      ')',
      '*',
      '-',
      '🛑',
      '🙏',
      '😀',
      '✋',
      '…',
    ),
    {
      maxLength: 4,
    },
  )
  .map((chars) => chars.join(''));

describe('SMS reply keywords', () => {
  it('reads every opt-out word in any casing, with any punctuation, space or emoji around it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPT_OUT).chain(anyCasing), wrapping, wrapping, (word, before, after) => {
        expect(smsReplyKeyword(`${before}${word}${after}`)).toBe('opt_out');
      }),
    );
  });

  it('reads the first word only: "STOP please" opts out, "please STOP" is a message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPT_OUT), fc.stringMatching(/^[a-z ]{0,30}$/), (word, rest) => {
        expect(smsReplyKeyword(`${word} ${rest}`)).toBe('opt_out');
      }),
    );
    expect(smsReplyKeyword('please STOP')).toBeNull();
  });

  it('does not read words that merely contain a keyword: STOPPED, stopping, Ending, Yesterday, Cancel-ation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPT_OUT, 'START', 'HELP', 'YES', 'CONFIRM'),
        fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
        (word, suffix) => {
          const keyword = smsReplyKeyword(`${word}${suffix}`);
          // The longer word is a keyword only when it happens to be another keyword (STOP+ALL).
          if (keyword !== null)
            expect([...OPT_OUT, 'START', 'UNSTOP', 'HELP', 'YES', 'CONFIRM']).toContain(
              `${word}${suffix}`.toUpperCase(),
            );
        },
      ),
    );
    for (const text of [
      'STOPPED',
      'stopping',
      'Ending soon',
      'Yesterday',
      'Cancel-ation',
      'help-desk',
      'C3PO',
    ])
      expect(smsReplyKeyword(text), text).toBeNull();
  });

  it('reads START and UNSTOP, HELP, and the confirmation words YES, Y, CONFIRM and C', () => {
    expect(smsReplyKeyword('start')).toBe('opt_in');
    expect(smsReplyKeyword('Unstop!')).toBe('opt_in');
    expect(smsReplyKeyword('  help? ')).toBe('help');
    for (const word of ['yes', 'Y', 'Confirm', 'c.', 'YES!!! 😀 see you then'])
      expect(smsReplyKeyword(word), word).toBe('confirm');
    expect(smsReplyKeyword('yeah')).toBeNull();
  });

  it('never throws on arbitrary text, and finds no keyword in text without letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const keyword = smsReplyKeyword(text);
        expect(keyword === null || ['opt_out', 'opt_in', 'help', 'confirm'].includes(keyword)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(() => smsReplyKeyword(text)).not.toThrow();
      }),
    );
    expect(firstWordOf('🛑🛑 !!')).toBe('');
  });
});
