// Numbers in words: formatNumber writes whole numbers without Intl (whose first use in a page is slow);
// what it writes must be what Intl.NumberFormat writes in fr-CA and en-CA, whatever the number.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatNumber, groupedInteger } from '../../src/localize/format.js';
import { intlTag } from '../../src/localize/locale.js';
import type { Locale } from '../../src/schema/enums.js';

const LOCALES: Locale[] = ['fr', 'en'];
const intl = (value: number, locale: Locale) => new Intl.NumberFormat(intlTag(locale)).format(value);
const runs = Number(process.env.FC_RUNS ?? 2000);

describe('formatNumber', () => {
  it('writes every safe whole number as Intl does, in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -99_999, max: 99_999 }), fc.maxSafeInteger(), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })), fc.constantFrom(...LOCALES), (value, locale) => {
        assert.equal(groupedInteger(value, locale), intl(value, locale));
        assert.equal(formatNumber(value, locale), intl(value, locale));
      }),
      { numRuns: runs },
    );
  });

  it('groups at each power of ten, on both sides of zero', () => {
    for (const locale of LOCALES)
      for (let exponent = 0; exponent <= 15; exponent++)
        for (const value of [10 ** exponent, 10 ** exponent - 1, -(10 ** exponent), -(10 ** exponent - 1)])
          assert.equal(formatNumber(value, locale), intl(value, locale), `${value} in ${locale}`);
    assert.equal(formatNumber(1000, 'fr'), '1\u00a0000');
    assert.equal(formatNumber(1000, 'en'), '1,000');
  });

  it('leaves decimals, -0 and numbers past the safe range to Intl', () => {
    for (const locale of LOCALES)
      for (const value of [0.5, -2.25, 1234.5, -0, 2 ** 60, 1e21])
        assert.equal(formatNumber(value, locale), intl(value, locale), `${value} in ${locale}`);
  });
});
