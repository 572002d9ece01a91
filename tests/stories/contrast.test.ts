// The theme workbench's contrast maths (stories/workbench/contrast.ts), against values WCAG and
// common checkers give.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPairs, contrastRatio, cssBlock, formatRatio, parseColour } from '../../stories/workbench/contrast.js';

const close = (actual: number | undefined, expected: number) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 0.01, `${actual} ≈ ${expected}`);

describe('theme workbench contrast', () => {
  it('reads the colour forms a picker or a designer writes', () => {
    assert.deepEqual(parseColour('#fff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColour('#0B5CAD'), { r: 11, g: 92, b: 173, a: 1 });
    assert.deepEqual(parseColour('rgb(0, 90, 156)'), { r: 0, g: 90, b: 156, a: 1 });
    assert.equal(parseColour('rgba(0, 0, 0, 0.5)')?.a, 0.5);
    assert.equal(parseColour('#00000080')?.a, 128 / 255);
    assert.equal(parseColour('tomato'), undefined);
  });

  it('gives WCAG ratios: black on white 21, white on white 1, known pairs', () => {
    close(contrastRatio('#000', '#fff'), 21);
    close(contrastRatio('#fff', '#fff'), 1);
    close(contrastRatio('#777777', '#ffffff'), 4.48);
    close(contrastRatio('#767676', '#ffffff'), 4.54);
    // The order of the pair does not matter.
    close(contrastRatio('#ffffff', '#767676'), 4.54);
    // A translucent black on white is a grey.
    close(contrastRatio('rgba(0,0,0,0.5)', '#fff'), contrastRatio('rgb(127.5, 127.5, 127.5)', '#fff')!);
    assert.equal(contrastRatio('nope', '#fff'), undefined);
  });

  it('flags text under 4.5:1 and non-text under 3:1, and never rounds a failure up', () => {
    const defaults = { text: '#1b1f24', muted: '#4b5259', background: '#ffffff', accent: '#0b5cad', 'on-accent': '#ffffff', error: '#b3261e', focus: '#0b5cad', border: '#6b7178' };
    assert.deepEqual(checkPairs(defaults).filter((p) => !p.passes).map((p) => p.label), [], 'the default theme passes');
    const grey = checkPairs({ ...defaults, text: '#777777', border: '#949494' });
    assert.deepEqual(grey.filter((p) => !p.passes).map((p) => p.label), ['Text on background'], '#949494 is 3.03:1, enough for a border');
    const pale = checkPairs({ ...defaults, border: '#a0a0a0' });
    assert.deepEqual(pale.filter((p) => !p.passes).map((p) => `${p.label} ${formatRatio(p.ratio)} < ${p.minimum}`), ['Border on background 2.61:1 < 3']);
    assert.equal(formatRatio(4.499), '4.49:1');
    assert.equal(checkPairs({ ...defaults, text: 'oops' })[0]!.passes, false, 'an unreadable colour does not pass');
  });

  it('writes the CSS block with the custom properties only', () => {
    assert.equal(cssBlock({ '--boussole-color-text': '#111', lang: 'fr', '--boussole-space': '' }), ':root {\n  --boussole-color-text: #111;\n}\n');
  });
});
