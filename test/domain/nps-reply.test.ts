import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsReplyOf } from '../../src/domain/nps-reply.js';

describe('NPS replies', () => {
  it('takes the first whole number 0–10 as the score and the rest of the text as the comment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,40}$/),
        (score, comment) => {
          expect(npsReplyOf(`${score} ${comment}`)).toEqual({
            kind: 'score',
            score,
            comment: comment.replace(/\s+/g, ' ').trim() || null,
          });
        },
      ),
    );
    expect(npsReplyOf('9 great shoot')).toEqual({ kind: 'score', score: 9, comment: 'great shoot' });
    expect(npsReplyOf('9/10 - loved it')).toEqual({ kind: 'score', score: 9, comment: 'loved it' });
    expect(npsReplyOf('10')).toEqual({ kind: 'score', score: 10, comment: null });
    expect(npsReplyOf('I would say 8, thanks')).toEqual({
      kind: 'score',
      score: 8,
      comment: 'I would say , thanks',
    });
    expect(npsReplyOf('0 😡 late')).toEqual({ kind: 'score', score: 0, comment: '😡 late' });
  });

  it('calls a first number outside 0–10 out of range, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 11, max: 10_000_000 }), fc.integer({ min: -1000, max: -1 })),
        fc.string({ maxLength: 30 }),
        (number, rest) => {
          expect(npsReplyOf(`${number} ${rest}`).kind).toBe('out_of_range');
        },
      ),
    );
    for (const text of ['11', '-3 bad', '42!', '7.5 nearly', '99999999999999999999999']) {
      expect(npsReplyOf(text).kind, text).toBe('out_of_range');
    }
  });

  it('finds no score in text without a number, nor in digits inside a word', () => {
    expect(npsReplyOf('great, thanks!')).toEqual({ kind: 'none' });
    expect(npsReplyOf('room A4 was nice')).toEqual({ kind: 'none' });
  });

  it('never throws, and a score is always a whole number from 0 to 10', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const reply = npsReplyOf(text);
        if (reply.kind === 'score') {
          expect(Number.isInteger(reply.score)).toBe(true);
          expect(reply.score).toBeGreaterThanOrEqual(0);
          expect(reply.score).toBeLessThanOrEqual(10);
        }
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void npsReplyOf(text)));
  });
});
