// Opens every story of the built Storybook (storybook-static/, built by `npm test` before this file
// runs) in headless Chromium, as a designer would: fails on an error, a request that leaves the page's
// server, an element that renders nothing, or an axe violation.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { axe, AXE_TAGS_WITH_BEST_PRACTICE, launch, repo, serve, switchTo, watch, type PageProblems, type Served } from './browser.js';

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

/**
 * How each story and docs page is checked with axe: in its own language at 320 px (a story's, French for a docs
 * page), then in the other language at 1280 px. Every page gets both widths and both languages, in two passes rather than four (decision 0019: the
 * element tests check every element with axe in French and in English; the CI time goes to the states the stories show).
 */
const CHECKED_AS = [
  ['own', 320],
  ['other', 1280],
] as const;

/** What the drafts stories must show, by story name. */
const DRAFT_NOTICES: Record<string, RegExp> = { 'Draft Offered': /Un brouillon enregistré le .+ a été trouvé/, 'Unreadable Draft': /mis de côté/ };

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

/** Empties the page's storage (local, session, IndexedDB), as a fresh browser profile has it. */
const emptyStorage = (page: Page) =>
  page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const db of await indexedDB.databases())
      if (db.name)
        await new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(db.name!);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        });
  });

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
    for (const title of ['Instruments/CÉS', 'Instruments/Fundamental-needs grid', 'Instruments/PIN grid', 'Elements/Generic form', 'Elements/Summary', 'Elements/Dashboard', 'Features/Drafts'])
      assert.ok(titles.has(title), `no stories titled ${title} (have: ${[...titles].join(', ')})`);
    const ces = stories.filter((s) => s.title === 'Instruments/CÉS').map((s) => s.name);
    for (const band of ['0–12 months', '1–2 years', '3–4 years', '5–9 years', '10–14 years', '15–17 years', '18–21 years'])
      assert.ok(ces.some((n) => n.includes(band)), `no CÉS story for the band ${band}`);
  });

  it('Controls: one per meaningful writable attribute or property, choices for fixed values; read-only properties, events and parts only in the table', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(stories[0]!.id)}&viewMode=story`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __STORYBOOK_PREVIEW__?: unknown }).__STORYBOOK_PREVIEW__, undefined, { timeout: 60_000 });
      const all = await page.evaluate(async (ids) => {
        type Loaded = { argTypes: Record<string, { control?: false | string | { type?: string }; options?: unknown[]; type?: { name?: string }; table?: { category?: string; disable?: boolean } }> };
        const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(o: { storyId: string }): Promise<Loaded> } } }).__STORYBOOK_PREVIEW__;
        const out: Record<string, Record<string, { control?: string; options?: unknown[]; type?: string; category?: string; hidden?: boolean }>> = {};
        for (const id of ids) {
          const loaded = await preview.storyStoreValue.loadStory({ storyId: id });
          out[id] = Object.fromEntries(
            Object.entries(loaded.argTypes).map(([k, v]) => [
              k,
              { control: v.control === false ? undefined : typeof v.control === 'string' ? v.control : v.control?.type, options: v.options, type: v.type?.name, category: v.table?.category, hidden: v.table?.disable },
            ]),
          );
        }
        return out;
      }, stories.map((s) => s.id));
      const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const bands: Record<string, string[]> = {
        'Instruments/CÉS': ['m0-12', 'y1-2', 'y3-4', 'y5-9', 'y10-14', 'y15-17', 'y18-21'],
        'Instruments/Fundamental-needs grid': ['first-1000-days', 'y3-5', 'y6-11', 'y12-17'],
      };
      for (const story of stories) {
        const argTypes = all[story.id]!;
        const where = `${story.title} › ${story.name}`;
        const controls = Object.entries(argTypes).filter(([, v]) => v.control && !v.hidden);
        const names = controls.map(([k]) => k);
        assert.ok(controls.length <= 35, `${where}: ${controls.length} controls`);
        assert.deepEqual(names.filter((n, i) => names.findIndex((m) => kebab(m) === kebab(n)) !== i), [], `${where}: one control per attribute (no camelCase twin)`);
        for (const readOnly of ['form', 'validity', 'validationMessage', 'errors', 'valueText'])
          assert.ok(!names.includes(readOnly), `${where}: ${readOnly} is not an editable control`);
        assert.deepEqual(controls.filter(([, v]) => v.category === 'events' || v.category === 'css shadow parts').map(([k]) => k), [], `${where}: no control for an event or a part`);
        // Storybook drops an arg given in the story URL when its type is not one of these.
        assert.deepEqual(controls.filter(([, v]) => !['string', 'number', 'boolean', 'enum', 'object'].includes(v.type ?? '')).map(([k, v]) => `${k}: ${v.type}`), [], `${where}: every control has a type`);
        const choices = (name: string) => (argTypes[name]?.control && ['select', 'radio', 'inline-radio'].includes(argTypes[name].control!) ? argTypes[name].options : undefined);
        assert.deepEqual(choices('lang'), ['fr', 'en'], `${where}: lang is a choice`);
        if (story.title === 'Elements/Summary' || story.title === 'Elements/Dashboard') continue;
        assert.deepEqual(choices('layout'), ['all', 'sections', 'presentation'], `${where}: layout is a choice`);
        assert.deepEqual(choices('drafts'), ['none', 'local'], `${where}: drafts is a choice of none or local`);
        assert.deepEqual(choices('age-band'), bands[story.title], `${where}: age-band is a choice of the instrument's bands, only where it has some`);
        if (!bands[story.title]) assert.ok(!names.includes('birth-date'), `${where}: no birth date to pick a band with`);
      }
      // The generic form's table: the public API once, events without a control, the colours with colour pickers.
      const form = all[stories.find((s) => s.title === 'Elements/Generic form')!.id]!;
      const api = Object.entries(form).filter(([, v]) => (v.category === 'properties' || v.category === 'attributes') && v.control && !v.hidden).map(([k]) => k);
      assert.deepEqual(api.sort(), ['draft-id', 'draft-ttl', 'drafts', 'heading-level', 'instrument', 'lang', 'layout', 'previous', 'readonly', 'session-date', 'value']);
      const listed = Object.entries(form).filter(([, v]) => v.category === 'properties' && !v.control).map(([k]) => k);
      for (const name of ['form', 'validity', 'validationMessage', 'errors', 'draftStore', 'draftEncryptionKey']) assert.ok(listed.includes(name), `${name} is in the table, without a control`);
      const events = Object.entries(form).filter(([, v]) => v.category === 'events').map(([k]) => k).sort();
      assert.deepEqual(events, ['boussole-change', 'boussole-draft', 'boussole-error', 'boussole-invalid', 'boussole-submit']);
      for (const internal of ['engine', 'revision', 'internals', 'pendingValue', 'record', 'readModel', 'onClick', 'current', 'ageBand', 'valueText'])
        assert.equal(form[internal], undefined, `${internal} is not in the table`);
      const colours = Object.entries(form).filter(([k]) => k.startsWith('--boussole-color-'));
      assert.ok(colours.length >= 10, 'the colour custom properties are listed');
      assert.deepEqual(colours.filter(([, v]) => v.control !== 'color').map(([k]) => k), [], 'each colour has a colour picker');
    } finally {
      await page.close();
    }
  });

  it('args in a story URL reach the element: a colour, the layout, the heading level', async () => {
    const page = await browser.newPage();
    try {
      const story = stories.find((s) => s.title === 'Instruments/PIN grid' && s.name === 'Empty')!;
      const args = ['--boussole-color-accent:!hex(005a9c)', 'layout:sections', 'heading-level:3'].join(';');
      await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&args=${args}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('boussole-pin-grid')?.shadowRoot?.querySelector('h3'), undefined, { timeout: 60_000 });
      const seen = await page.evaluate(() => {
        const root = document.querySelector('boussole-pin-grid')!.shadowRoot!;
        // The accent fills the primary buttons (Submit, Next in the stepper).
        const filled = [...root.querySelectorAll('button')].map((b) => getComputedStyle(b).backgroundColor);
        return { filled, title: root.querySelector('h3')?.textContent?.trim(), h2: root.querySelectorAll('h2').length, nav: !!root.querySelector('[part~="nav"]') };
      });
      assert.ok(seen.filled.includes('rgb(0, 90, 156)'), `a button takes the accent colour from the URL (saw ${[...new Set(seen.filled)].join(', ')})`);
      assert.match(seen.title ?? '', /PIN/, 'the title is a level-3 heading');
      assert.equal(seen.h2, 0, 'no heading above the level given');
      assert.ok(seen.nav, 'one section at a time, with the navigator');
    } finally {
      await page.close();
    }
  });

  // A story is opened in a page that already runs Storybook's preview when one is free (Storybook
  // switches stories the way its own manager does), which spares loading the preview 50 times. The
  // drafts stories find the browser's storage empty but for what their loaders leave there, and leave it empty.
  const idle: { page: Page; problems: PageProblems }[] = [];
  async function open(story: Entry): Promise<{ page: Page; problems: PageProblems }> {
    const free = idle.pop();
    if (free) {
      free.problems.errors.length = 0;
      free.problems.offsite.length = 0;
      await free.page.setViewportSize({ width: 1280, height: 800 });
      if (story.title === 'Features/Drafts') await emptyStorage(free.page);
      if (await switchTo(free.page, story.id, 'story')) return free;
      await free.page.close();
    }
    const page = await browser.newPage();
    const problems = watch(page, server.origin);
    // The a11y addon's own axe pass is switched off (it would run the same checks once more, and collide with ours).
    await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load' });
    return { page, problems };
  }

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, async () => {
      const { page, problems } = await open(story);
      let passed = false;
      try {
        // The story's element, rendered and settled (play functions included).
        const handle = await page.waitForFunction(
          () => {
            const el = [...document.querySelectorAll('#storybook-root *')].find((n) => n.tagName.startsWith('BOUSSOLE-'));
            return el?.shadowRoot?.childElementCount ? el.tagName.toLowerCase() : null;
          },
          undefined,
          { timeout: 60_000 },
        );
        const tag = (await handle.jsonValue()) as string;
        // The drafts stories: the restore notice, and the unreadable draft set aside.
        const notice = DRAFT_NOTICES[story.name];
        if (story.title === 'Features/Drafts' && notice)
          await page.waitForFunction(({ tag, re }) => new RegExp(re).test(document.querySelector(tag)?.shadowRoot?.textContent ?? ''), { tag, re: notice.source }, { timeout: 60_000 });
        await settle(page, tag, 100);
        const text = await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.textContent ?? '', tag);
        assert.ok(text.trim().length > 40, 'the element renders its content');
        assert.deepEqual(problems.errors, [], 'no error in the page');
        assert.deepEqual(problems.offsite, [], 'no request leaves the page’s own server');
        const font = await page.evaluate((tag) => getComputedStyle(document.querySelector(tag)!).fontFamily, tag);
        assert.doesNotMatch(font, /^"?Times/, 'the preview sets a font');
        // As a designer checks it: at 320 px in the story's language, wide in the other one (both widths and both
        // languages for every story, paired; decision 0019).
        for (const [lang, width] of CHECKED_AS) {
          if (lang === 'other') await switchLanguage(page);
          await page.setViewportSize({ width, height: 800 });
          await settle(page, tag);
          assert.deepEqual(await axe(page, '#storybook-root', AXE_TAGS_WITH_BEST_PRACTICE), [], `axe finds no WCAG 2.2 A/AA or best-practice violation at ${width} px, ${lang === 'own' ? 'in the story’s language' : 'in the other language'}`);
        }
        assert.deepEqual(problems.errors, [], 'no error in the page while it was checked');
        passed = true;
      } finally {
        // A page whose story failed is not reused: what went wrong stays with that story.
        if (passed) {
          if (story.title === 'Features/Drafts') await emptyStorage(page);
          idle.push({ page, problems });
        }
        else await page.close();
      }
    });
  }

  // What the docs' axe checks cost, printed at the end (CI time matters).
  const docTimings: string[] = [];
  after(() => {
    if (docTimings.length) console.log(`docs axe checks: ${docTimings.join(', ')}`);
  });
  const idleDocs: { page: Page; problems: PageProblems }[] = [];
  for (const doc of docs) {
    it(`${doc.title} › ${doc.name} page renders without error and passes axe, in French at 320 px and in English at 1280 px`, async () => {
      // A docs page is switched to inside a page that already shows one (as the stories are), else loaded; the
      // drafts page, with the browser's storage emptied before and after it.
      const free = idleDocs.pop();
      const page = free?.page ?? (await browser.newPage());
      const problems = free?.problems ?? watch(page, server.origin);
      let passed = false;
      try {
        let switched = false;
        if (free) {
          problems.errors.length = 0;
          problems.offsite.length = 0;
          await page.setViewportSize({ width: 1280, height: 800 });
          if (doc.title === 'Features/Drafts') await emptyStorage(page);
          switched = await switchTo(page, doc.id, 'docs');
        }
        // The a11y addon's own axe pass is switched off, as for the stories.
        if (!switched) await page.goto(`${server.origin}/iframe.html?id=${doc.id}&viewMode=docs&globals=a11y.manual:!true`, { waitUntil: 'load' });
        await page.waitForSelector('#storybook-docs .sbdocs-content', { timeout: 60_000 });
        await page.waitForFunction(() => document.querySelectorAll('#storybook-docs [class*="boussole"], #storybook-docs boussole-form, #storybook-docs boussole-ces, #storybook-docs boussole-pin-grid, #storybook-docs boussole-needs-grid, #storybook-docs boussole-summary, #storybook-docs boussole-dashboard').length > 0, undefined, { timeout: 60_000 });
        // Every element on the page rendered (an autodocs page shows each of the component's stories).
        await page.waitForFunction(() => [...document.querySelectorAll('#storybook-docs *')].filter((n) => n.tagName.startsWith('BOUSSOLE-')).every((n) => n.shadowRoot?.childElementCount), undefined, { timeout: 60_000 });
        await page.waitForTimeout(300);
        assert.deepEqual(problems.errors, [], 'no error in the page');
        assert.deepEqual(problems.offsite, [], 'no request leaves the page’s own server');
        // As a designer reads it: in French at 320 px, in English wide (each element's `lang`, switched in place): both
        // widths and both languages for every page, paired, as for the stories (decision 0019).
        const started = Date.now();
        for (const [which, width] of CHECKED_AS) {
          const lang = which === 'own' ? 'fr' : 'en';
          await page.evaluate((lang) => {
            for (const el of document.querySelectorAll('#storybook-docs *')) if (el.tagName.startsWith('BOUSSOLE-')) el.setAttribute('lang', lang);
          }, lang);
          await page.setViewportSize({ width, height: 800 });
          await page.evaluate(async () => {
            for (const el of document.querySelectorAll('#storybook-docs *'))
              if (el.tagName.startsWith('BOUSSOLE-')) await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
            await new Promise((r) => requestAnimationFrame(r));
          });
          assert.deepEqual(await axe(page, '#storybook-docs', AXE_TAGS_WITH_BEST_PRACTICE), [], `axe finds no WCAG 2.2 A/AA or best-practice violation at ${width} px, in ${lang === 'fr' ? 'French' : 'English'}`);
        }
        docTimings.push(`${doc.id} ${Date.now() - started} ms`);
        assert.deepEqual(problems.errors, [], 'no error in the page while it was checked');
        passed = true;
      } finally {
        if (passed) {
          if (doc.title === 'Features/Drafts') await emptyStorage(page);
          idleDocs.push({ page, problems });
        }
        else await page.close();
      }
    });
  }
});
