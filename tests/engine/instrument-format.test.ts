import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstrument } from '../../src/engine/index.js';
import { sample, t } from './fixtures.js';

type Draft = Record<string, any>;
const variant = (change: (d: Draft) => void): Draft => {
  const draft = structuredClone(sample) as Draft;
  change(draft);
  return draft;
};

describe('instrument format', () => {
  it('accepts the sample instrument that uses every feature', () => {
    const parsed = parseInstrument(structuredClone(sample));
    assert.equal(parsed.ok, true, JSON.stringify(!parsed.ok && parsed.problems));
  });

  // Each row breaks the sample in one way; the parser must say where and why.
  const refused: [string, (d: Draft) => void, string, RegExp][] = [
    ['a key with a typo', (d) => (d.sections[0].items[0].requierd = true), 'sections[0].items[0]', /unknown key.*requierd/],
    ['a text without English', (d) => (d.title = { fr: 'Titre' }), 'title.en', /expected string/],
    ['an empty text', (d) => (d.title = t('  ')), 'title.fr', /too small/],
    ['an id with a space', (d) => (d.sections[0].items[0].id = 'a 1'), 'sections[0].items[0].id', /invalid/],
    ['an unknown item type', (d) => (d.sections[0].items[0].type = 'slider'), 'sections[0].items[0]', /.+/],
    ['a version that is not semver', (d) => (d.version = 'v1'), 'version', /invalid/],
    ['a duplicate item id', (d) => (d.sections[0].items[1].id = 'a1'), 'sections[0].items[1]', /duplicate id "a1"/],
    ['an item id equal to a section id', (d) => (d.sections[0].items[1].id = 'b'), 'sections[1]', /duplicate id "b"/],
    ['an unknown scale', (d) => (d.sections[0].items[0].scale = 'nope'), 'sections[0].items[0].scale', /unknown scale "nope"/],
    ['a duplicate option code', (d) => (d.scales[0].options[1].code = 'high'), 'scales[0].options[1]', /duplicate option id/],
    ['an unknown age band', (d) => (d.sections[1].sections[0].items[0].ageBands = ['adult']), 'sections[1].sections[0].items[0].ageBands[0]', /unknown age band "adult"/],
    ['a wording for a voice the item does not ask', (d) => (d.sections[0].items[8].labelFor.parent = t('A9')), 'sections[0].items[8].labelFor.parent', /"parent" is not a voice of item "a9" \(its perspectives: child, worker\)/],
    ['a wording for a voice on an item without voices', (d) => (d.sections[0].items[0].labelFor = { child: t('A1') }), 'sections[0].items[0].labelFor.child', /item "a1" has no perspectives/],
    ['a voice wording without English', (d) => (d.sections[0].items[8].labelFor.child = { fr: 'A9' }), 'sections[0].items[8].labelFor.child.en', /expected string/],
    ['a voice wording keyed by a bad id', (d) => (d.sections[0].items[8].labelFor = { 'the child': t('A9') }), 'sections[0].items[8].labelFor', /.+/],
    ['an unknown perspective', (d) => (d.sections[0].items[8].perspectives = ['alien']), 'sections[0].items[8].perspectives[0]', /unknown perspective/],
    ['overlapping age bands', (d) => (d.ageBands[1].minMonths = 11), 'ageBands', /overlap/],
    ['an age band upside down', (d) => (d.ageBands[2].maxMonths = 10), 'ageBands[2]', /minMonths above maxMonths/],
    ['a condition on an unknown item', (d) => (d.sections[0].items[3].visibleWhen.item = 'zz'), 'sections[0].items[3].visibleWhen.item', /unknown item "zz"/],
    ['a condition on a section', (d) => (d.sections[0].items[3].visibleWhen.item = 'b'), 'sections[0].items[3].visibleWhen.item', /unknown item "b"/],
    ['"in" without a list', (d) => (d.sections[0].items[3].visibleWhen = { item: 'a3', op: 'in', value: 'yes' }), 'sections[0].items[3].visibleWhen.value', /does not fit/],
    ['"answered" with a value', (d) => (d.sections[0].items[3].visibleWhen = { item: 'a3', op: 'answered', value: 'yes' }), 'sections[0].items[3].visibleWhen.value', /does not fit/],
    ['a condition written as code', (d) => (d.sections[0].items[3].visibleWhen = "answers.a3 === 'yes'"), 'sections[0].items[3].visibleWhen', /.+/],
    ['an item visible only when it is answered', (d) => (d.sections[0].items[3].visibleWhen = { item: 'a4', op: 'answered' }), 'sections[0].items[3].visibleWhen', /depends on itself/],
    ['two items hiding each other', (d) => (d.sections[0].items[2].visibleWhen = { item: 'a4', op: 'answered' }), 'sections[0].items[2].visibleWhen', /depends on itself/],
    ['a section hidden by its own item', (d) => (d.sections[1].visibleWhen = { item: 'b1', op: 'answered' }), 'sections[1].visibleWhen', /depends on itself/],
    ['multiple choice min above max', (d) => (d.sections[0].items[7].minSelected = 3), 'sections[0].items[7]', /minSelected above maxSelected/],
    ['a number range upside down', (d) => (d.sections[0].items[4].min = 20), 'sections[0].items[4]', /min above max/],
    ['a tally on a kind no section has', (d) => (d.summary.tallies[0].sectionKind = 'sphere'), 'summary.tallies[0].sectionKind', /no section has kind/],
    ['a status on an unknown level', (d) => (d.summary.tallies[0].statuses[1].when[0].level = 'top'), 'summary.tallies[0].statuses[1].when[0].level', /unknown level "top"/],
    ['a share above 1', (d) => (d.summary.tallies[0].statuses[1].when[0].minShare = 75), 'summary.tallies[0].statuses[1].when[0].minShare', /too big/],
    ['no sections', (d) => (d.sections = []), 'sections', /too small/],
    ['an item id that names the age band', (d) => (d.sections[0].items[0].id = 'ageBand'), 'sections[0].items[0].id', /reserved/],
    ['an item id that looks like a session field', (d) => (d.sections[0].items[0].id = 'session.date'), 'sections[0].items[0].id', /reserved/],
    ['a section id that looks like a plan field', (d) => (d.sections[0].id = 'plan.a'), 'sections[0].id', /reserved/],
  ];
  for (const [what, change, path, message] of refused) {
    it(`refuses ${what}, saying where`, () => {
      const parsed = parseInstrument(variant(change));
      assert.equal(parsed.ok, false);
      const problems = parsed.ok ? [] : parsed.problems;
      const hit = problems.find((p) => p.path.startsWith(path) && message.test(p.message));
      assert.ok(hit, `expected ${path} ~ ${message}, got ${JSON.stringify(problems)}`);
    });
  }

  it('refuses what is not an object at all', () => {
    for (const input of [null, 'ces', 42, [], undefined]) assert.equal(parseInstrument(input).ok, false);
  });
});
