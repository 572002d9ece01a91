// The designer's workbenches of the built Storybook (storybook-static/), driven in Chromium as a
// designer uses them: a colour changed in Controls (here, in the story URL's args, which is what the
// Controls panel writes) is applied to the live form and its contrast is flagged when too low.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { axe, AXE_TAGS_WITH_BEST_PRACTICE, launch, repo, serve, switchTo, watch, type PageProblems, type Served } from './browser.js';

const dir = join(repo, 'storybook-static');

describe('Workbench stories in Chromium', () => {
  let server: Served;
  let browser: Browser;
  before(async () => {
    server = await serve(dir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // The docs pages are read in one page that runs Storybook's preview, switched from page to page as Storybook's
  // manager does (a fresh load for the first, or when a switch does not finish).
  let docs: { page: Page; problems: PageProblems; id: string } | undefined;
  async function openDocs(id: string): Promise<{ page: Page; errors: string[] }> {
    if (docs) {
      docs.problems.errors.length = 0;
      // Storybook renders nothing again for the page it shows.
      if (docs.id === id) return { page: docs.page, errors: docs.problems.errors };
      docs.id = id;
      if (await switchTo(docs.page, id, 'docs')) return { page: docs.page, errors: docs.problems.errors };
      await docs.page.close();
    }
    const page = await browser.newPage();
    docs = { page, problems: watch(page, server.origin), id };
    await page.goto(`${server.origin}/iframe.html?id=${id}&viewMode=docs&globals=a11y.manual:!true`, { waitUntil: 'load' });
    return { page, errors: docs.problems.errors };
  }
  after(() => docs?.page.close());

  async function openStory(id: string, args = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const problems = watch(page, server.origin);
    await page.goto(`${server.origin}/iframe.html?id=${id}&viewMode=story${args ? `&args=${args}` : ''}&globals=a11y.manual:!true`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('boussole-form')?.shadowRoot?.childElementCount, undefined, { timeout: 60_000 });
    return { page, errors: problems.errors };
  }

  /** The contrast table as a designer reads it: each row's pair, ratio and result. */
  const table = (page: Page) =>
    page.getByRole('region', { name: 'Contrast of the theme’s pairs' }).getByRole('table').getByRole('row').evaluateAll((rows) =>
      rows.slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())),
    );

  it('Theme workbench: the default theme passes every pair, and the CSS block holds it', async () => {
    const { page, errors } = await openStory('workbench-theme--theme');
    try {
      const rows = await table(page);
      assert.deepEqual(rows.map((r) => r[0]), ['Text on background', 'Muted text on background', 'On-accent on accent', 'Error on background', 'Focus ring on background', 'Border on background']);
      assert.deepEqual(rows.filter((r) => r[4] !== 'Passes').map((r) => r[0]), []);
      await page.getByRole('region', { name: 'Contrast of the theme’s pairs' }).getByRole('status').filter({ hasText: 'Every pair meets its WCAG minimum.' }).waitFor();
      const css = await page.getByLabel('The theme, for the host page’s stylesheet').inputValue();
      assert.match(css, /--boussole-color-text: #1b1f24;/);
      assert.match(css, /--boussole-space: 1rem;/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Theme workbench: a text colour under 4.5:1 on the background is flagged, applied to the form and in the CSS', async () => {
    // #949494 on white is 3.03:1: too low for text, enough for a border.
    const { page, errors } = await openStory('workbench-theme--theme', ['--boussole-color-text:!hex(949494)', '--boussole-color-border:!hex(949494)'].join(';'));
    try {
      const rows = await table(page);
      const text = rows.find((r) => r[0] === 'Text on background')!;
      assert.equal(text[2], '3.03:1');
      assert.equal(text[4], 'Too low', 'the text pair is flagged');
      assert.equal(rows.find((r) => r[0] === 'Border on background')![4], 'Passes', 'the same colour is enough for a border (3:1)');
      await page.getByRole('region', { name: 'Contrast of the theme’s pairs' }).getByRole('status').filter({ hasText: '1 pair below the WCAG minimum: text on background.' }).waitFor();
      const colour = await page.evaluate(() => getComputedStyle(document.querySelector('boussole-form')!.shadowRoot!.querySelector('h2, h1, legend, label')!).color);
      assert.equal(colour, 'rgb(148, 148, 148)', 'the live form takes the colour');
      assert.match(await page.getByLabel('The theme, for the host page’s stylesheet').inputValue(), /--boussole-color-text: #949494;/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Instrument workbench: an invalid instrument typed in lists its problem by path, and the last valid render stays', async () => {
    const { page, errors } = await openStory('workbench-instrument--edit');
    try {
      const box = page.getByLabel('The instrument’s JSON');
      const problems = page.locator('#workbench-problems');
      const formTitle = () => page.evaluate(() => document.querySelector('boussole-form')!.shadowRoot!.textContent!.includes('Nouveau titre'));
      await problems.getByText('The instrument is valid').waitFor();
      const original = JSON.parse(await box.inputValue()) as { title: { fr: string }; version: unknown };
      assert.equal(original.title.fr, 'Suivi de la rencontre');
      // A new title, but a version that is not text: the problem is listed by path, the form keeps the last valid version.
      await box.fill(JSON.stringify({ ...original, title: { ...original.title, fr: 'Nouveau titre' }, version: 42 }, null, 2));
      await problems.getByText('1 problem; the form below keeps the last valid version.').waitFor();
      assert.deepEqual(await problems.getByRole('listitem').allTextContents(), ['version: expected string']);
      const rendered = () => page.evaluate(() => document.querySelector('boussole-form')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));
      assert.match(await rendered(), /Suivi de la rencontre.*Chacun a pu s’exprimer/, 'the last valid render stays');
      assert.doesNotMatch(await rendered(), /n’est pas valide/, 'the form is not handed the invalid version');
      assert.equal(await formTitle(), false);
      // Half-typed JSON: said so, the render still stays.
      await box.fill('{ "id": ');
      await problems.getByText(/\(root\): not JSON/).waitFor();
      assert.ok(await page.evaluate(() => document.querySelector('boussole-form')!.shadowRoot!.textContent!.includes('Suivi de la rencontre')));
      // Fixed: the new title is rendered live.
      await box.fill(JSON.stringify({ ...original, title: { ...original.title, fr: 'Nouveau titre' } }, null, 2));
      await problems.getByText('The instrument is valid').waitFor();
      await page.waitForFunction(() => document.querySelector('boussole-form')!.shadowRoot!.textContent!.includes('Nouveau titre'));
      // The edited JSON downloads as it is.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the JSON' }).click()]);
      assert.equal(download.suggestedFilename(), 'demo-suivi.json');
      assert.ok(await box.inputValue());
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Instrument workbench: each state is one click away (errors after a submit, English, read-only)', async () => {
    const { page, errors } = await openStory('workbench-instrument--edit');
    try {
      await page.getByRole('radio', { name: 'Errors after a submit' }).check();
      await page.waitForFunction(() => !!document.querySelector('boussole-form')?.shadowRoot?.querySelector('[part~="error-summary"]'));
      await page.getByRole('radio', { name: 'English' }).check();
      await page.waitForFunction(() => document.querySelector('boussole-form')?.getAttribute('lang') === 'en' && document.querySelector('boussole-form')!.shadowRoot!.textContent!.includes('Meeting follow-up'));
      await page.getByRole('radio', { name: 'Read-only' }).check();
      await page.waitForFunction(() => document.querySelector('boussole-form')?.hasAttribute('readonly'));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Instrument workbench: the edited instrument printed shows every section and none of the buttons print hides', async () => {
    // One section at a time on screen (layout "sections"): the print preview still shows them all.
    const { page, errors } = await openStory('workbench-instrument--edit', 'layout:sections');
    try {
      const box = page.getByLabel('The instrument’s JSON');
      await page.locator('#workbench-problems').getByText('The instrument is valid').waitFor();
      const original = JSON.parse(await box.inputValue()) as { sections: { id: string; title: { fr: string; en: string }; items: { id: string }[] }[] };
      const added = {
        id: 'followup',
        kind: 'theme',
        title: { fr: 'La suite prévue', en: 'What comes next' },
        items: [{ id: 'next-step', type: 'yes-no', label: { fr: 'Une suite est convenue.', en: 'A next step is agreed.' } }],
      };
      await box.fill(JSON.stringify({ ...original, sections: [...original.sections, added] }, null, 2));
      await page.locator('#workbench-problems').getByText('The instrument is valid').waitFor();
      /** The section titles a person sees in the form, and the buttons they see in it. */
      const seen = () =>
        page.evaluate(() => {
          const root = document.querySelector('boussole-form')!.shadowRoot!;
          const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true, opacityProperty: true });
          return {
            sections: ['Le climat de la rencontre', 'La suite prévue'].filter((t) => [...root.querySelectorAll('h1, h2, h3, h4, legend')].some((h) => visible(h) && h.textContent!.includes(t))),
            statements: ['Chacun a pu s’exprimer.', 'Une suite est convenue.'].filter((t) => {
              const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let n = texts.nextNode(); n; n = texts.nextNode()) if (n.textContent!.includes(t) && visible(n.parentElement!)) return true;
              return false;
            }),
            buttons: [...root.querySelectorAll('button')].filter(visible).map((b) => b.textContent!.trim() || b.getAttribute('aria-label')),
          };
        });
      const screen = await seen();
      assert.equal(screen.sections.length, 1, 'on screen, one section at a time');
      assert.ok(screen.buttons.length > 0, 'on screen, the form has its buttons');
      await page.getByRole('radio', { name: 'Printed (print preview)' }).check();
      const preview = page.getByRole('region', { name: 'Print preview' });
      await preview.waitFor();
      await page.waitForFunction(() => !!document.querySelector('.workbench-print boussole-form')?.shadowRoot?.childElementCount);
      const printed = await seen();
      assert.deepEqual(printed.sections, ['Le climat de la rencontre', 'La suite prévue'], 'every section of the edited instrument is in the preview');
      assert.deepEqual(printed.statements, ['Chacun a pu s’exprimer.', 'Une suite est convenue.']);
      assert.deepEqual(printed.buttons, [], 'no button that print hides');
      // Printed filled: the answers are there.
      assert.ok(await page.evaluate(() => [...document.querySelector('boussole-form')!.shadowRoot!.querySelectorAll('input:checked')].length > 0), 'the answers print');
      assert.deepEqual(await axe(page, '.workbench-print', AXE_TAGS_WITH_BEST_PRACTICE), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Docs page Events: each event’s payload type, boussole-submit’s `Result` with its fields, from the manifest', async () => {
    const { page, errors } = await openDocs('docs-events--docs');
    {
      await page.waitForSelector('#storybook-docs .sbdocs-content table tbody tr', { timeout: 60_000 });
      // The events table: each event's class and payload type.
      const events = page.locator('#storybook-docs table.boussole-docs-events');
      const row = (name: string) => events.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      assert.deepEqual(await row('boussole-submit').getByRole('cell').allTextContents().then((c) => c.slice(0, 2)), ['BoussoleSubmitEvent', 'Result']);
      assert.deepEqual(await row('boussole-change').getByRole('cell').allTextContents().then((c) => c.slice(0, 2)), ['BoussoleChangeEvent', 'ChangeDetail']);
      assert.deepEqual(await row('boussole-error').getByRole('cell').allTextContents().then((c) => c.slice(0, 2)), ['BoussoleErrorEvent', 'ErrorDetail']);
      // The payload's fields, each with its type and whether it is required.
      const submit = page.getByRole('table', { name: 'The fields of Result, the detail of boussole-submit' });
      const fields = await submit.getByRole('rowheader').allTextContents();
      for (const name of ['instrument', 'locale', 'status', 'session', 'answers', 'createdAt', 'updatedAt'])
        assert.ok(fields.includes(name), `boussole-submit's payload lists ${name} (have ${fields.join(', ')})`);
      const status = await submit.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'status', exact: true }) }).getByRole('cell').allTextContents();
      assert.deepEqual(status.slice(0, 2), ['"draft" | "complete"', 'yes']);
      const change = page.getByRole('table', { name: 'The fields of ChangeDetail, the detail of boussole-change' });
      const perspective = await change.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'perspective', exact: true }) }).getByRole('cell').allTextContents();
      assert.deepEqual(perspective, ['string | undefined', 'no', 'The voice that answered, for items that collect perspectives.']);
      assert.deepEqual(errors, []);
    }
  });

  for (const [id, expected] of [
    ['docs-events--docs', ['boussole-change', 'boussole-draft', 'boussole-error', 'boussole-invalid', 'boussole-submit']],
    ['docs-theming--docs', ['--boussole-color-text', '--boussole-color-accent', '--boussole-space', 'submit', 'error-summary']],
    ['docs-instrument-format--docs', ['id', 'version', 'sections', 'scales', 'ageBands']],
    ['docs-introduction--docs', []],
    ['docs-localization--docs', []],
  ] as const)
    // Axe on every docs page (French at 320 px, English at 1280 px) is the story test's (stories.test.ts); here, what the page lists.
    it(`Docs page ${id}: built from the manifest`, async () => {
      const { page, errors } = await openDocs(id);
      await page.waitForSelector(expected.length ? '#storybook-docs .sbdocs-content table tbody tr' : '#storybook-docs .sbdocs-content h1', { timeout: 60_000 });
      const names = await page.locator('#storybook-docs table tbody th').allTextContents();
      for (const name of expected as readonly string[]) assert.ok(names.includes(name), `${name} is listed (have ${names.join(', ')})`);
      assert.deepEqual(errors, []);
  });
});
