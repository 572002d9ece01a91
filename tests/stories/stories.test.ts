// Opens every story of the built Storybook (storybook-static/, built by `npm test` before this file
// runs) in headless Chromium, as a designer would: fails on an error, a request that leaves the page's
// server, an element that renders nothing, or an axe violation.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { axe, launch, repo, serve, watch, type Served } from './browser.js';

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const dir = join(repo, 'storybook-static');
const indexFile = join(dir, 'index.json');
const entries: Entry[] = existsSync(indexFile)
  ? Object.values((JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, Entry> }).entries)
  : [];
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');

/** Waits for the element's update and a frame. */
const settle = (page: Page, tag: string, ms = 0) =>
  page.evaluate(
    async ({ tag, ms }) => {
      const el = document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, ms));
      await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
    },
    { tag, ms },
  );

/** Every Boussole element of the story speaks the other language (its `lang` is set on it). */
const switchLanguage = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll('#storybook-root *'))
      if (el.tagName.startsWith('BOUSSOLE-')) el.setAttribute('lang', el.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'fr' : 'en');
  });

describe('Storybook, every story in Chromium', { concurrency: 2 }, () => {
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

  it('was built, with stories for every element', () => {
    assert.ok(existsSync(indexFile), 'storybook-static/index.json is missing: run `storybook build` first');
    const titles = new Set(stories.map((s) => s.title));
    for (const title of ['Instruments/CÉS', 'Instruments/Fundamental-needs grid', 'Instruments/PIN grid', 'Elements/Generic form', 'Elements/Summary', 'Features/Drafts'])
      assert.ok(titles.has(title), `no stories titled ${title} (have: ${[...titles].join(', ')})`);
    const ces = stories.filter((s) => s.title === 'Instruments/CÉS').map((s) => s.name);
    for (const band of ['0–12 months', '1–2 years', '3–4 years', '5–9 years', '10–14 years', '15–17 years', '18–21 years'])
      assert.ok(ces.some((n) => n.includes(band)), `no CÉS story for the band ${band}`);
  });

  it('Controls show the public API only, with colour pickers for the colours', async () => {
    const page = await browser.newPage();
    try {
      const story = stories.find((s) => s.title === 'Elements/Generic form')!;
      await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __STORYBOOK_PREVIEW__?: unknown }).__STORYBOOK_PREVIEW__);
      const argTypes = await page.evaluate(async (storyId) => {
        const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(o: { storyId: string }): Promise<{ argTypes: Record<string, { control?: { type?: string }; table?: { category?: string; disable?: boolean } }> }> } } }).__STORYBOOK_PREVIEW__;
        const loaded = await preview.storyStoreValue.loadStory({ storyId });
        return Object.fromEntries(Object.entries(loaded.argTypes).map(([k, v]) => [k, { control: v.control?.type, category: v.table?.category, hidden: v.table?.disable }]));
      }, story.id);
      const api = Object.entries(argTypes).filter(([, v]) => v.category === 'properties' || v.category === 'attributes').map(([k]) => k).sort();
      assert.deepEqual(
        api,
        [
          ...['age-band', 'ageBand', 'birth-date', 'birthDate', 'errors', 'form', 'heading-level', 'headingLevel', 'instrument', 'lang', 'layout', 'name', 'readonly'],
          ...['session-date', 'sessionDate', 'validationMessage', 'validity', 'value', 'valueText'],
          ...['drafts', 'draft-id', 'draftId', 'draft-ttl', 'draftTtl', 'draftStore', 'draftEncryptionKey', 'previous'],
        ].sort(),
      );
      const events = Object.entries(argTypes).filter(([, v]) => v.category === 'events').map(([k]) => k).sort();
      assert.deepEqual(events, ['boussole-change', 'boussole-draft', 'boussole-error', 'boussole-invalid', 'boussole-submit']);
      for (const internal of ['engine', 'revision', 'internals', 'pendingValue', 'record', 'readModel', 'onClick', 'current'])
        assert.equal(argTypes[internal], undefined, `${internal} is not in Controls`);
      const colours = Object.entries(argTypes).filter(([k]) => k.startsWith('--boussole-color-'));
      assert.ok(colours.length >= 10, 'the colour custom properties are listed');
      assert.deepEqual(colours.filter(([, v]) => v.control !== 'color').map(([k]) => k), [], 'each colour has a colour picker');
    } finally {
      await page.close();
    }
  });

  it('the drafts stories show the restore notice and the unreadable draft', async () => {
    for (const [name, expected] of [['Draft Offered', /Un brouillon enregistré le .+ a été trouvé/], ['Unreadable Draft', /mis de côté/]] as const) {
      const story = stories.find((s) => s.title === 'Features/Drafts' && s.name === name);
      assert.ok(story, `a story named ${name}`);
      const page = await browser.newPage();
      try {
        await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
        await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('boussole-pin-grid')?.shadowRoot?.textContent ?? ''), expected.source, { timeout: 20_000 });
      } finally {
        await page.close();
      }
    }
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, async () => {
      const page = await browser.newPage();
      try {
        const problems = watch(page, server.origin);
        await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
        // The story's element, rendered and settled (play functions included).
        const handle = await page.waitForFunction(
          () => {
            const el = [...document.querySelectorAll('#storybook-root *')].find((n) => n.tagName.startsWith('BOUSSOLE-'));
            return el?.shadowRoot?.childElementCount ? el.tagName.toLowerCase() : null;
          },
          undefined,
          { timeout: 20_000 },
        );
        const tag = (await handle.jsonValue()) as string;
        await settle(page, tag, 100);
        const text = await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.textContent ?? '', tag);
        assert.ok(text.trim().length > 40, 'the element renders its content');
        assert.deepEqual(problems.errors, [], 'no error in the page');
        assert.deepEqual(problems.offsite, [], 'no request leaves the page’s own server');
        const font = await page.evaluate((tag) => getComputedStyle(document.querySelector(tag)!).fontFamily, tag);
        assert.doesNotMatch(font, /^"?Times/, 'the preview sets a font');
        // As a designer checks it: wide and at 320 px, in the story's language and in the other one.
        for (const lang of ['story', 'other'] as const) {
          if (lang === 'other') await switchLanguage(page);
          for (const width of [1280, 320]) {
            await page.setViewportSize({ width, height: 800 });
            await settle(page, tag);
            assert.deepEqual(await axe(page, '#storybook-root'), [], `axe finds no WCAG 2.2 A/AA violation at ${width} px, ${lang === 'story' ? 'in the story’s language' : 'in the other language'}`);
          }
        }
      } finally {
        await page.close();
      }
    });
  }

  for (const doc of docs) {
    it(`${doc.title} › ${doc.name} page renders without error`, async () => {
      const page = await browser.newPage();
      try {
        const problems = watch(page, server.origin);
        await page.goto(`${server.origin}/iframe.html?id=${doc.id}&viewMode=docs`, { waitUntil: 'load' });
        await page.waitForSelector('#storybook-docs .sbdocs-content', { timeout: 20_000 });
        await page.waitForFunction(() => document.querySelectorAll('#storybook-docs [class*="boussole"], #storybook-docs boussole-form, #storybook-docs boussole-ces, #storybook-docs boussole-pin-grid, #storybook-docs boussole-needs-grid, #storybook-docs boussole-summary').length > 0, undefined, { timeout: 20_000 });
        await page.waitForTimeout(300);
        assert.deepEqual(problems.errors, [], 'no error in the page');
        assert.deepEqual(problems.offsite, [], 'no request leaves the page’s own server');
      } finally {
        await page.close();
      }
    });
  }
});
