// In-page measurements of `npm run bench` (scripts/bench.mjs), shared by the element page
// (boussole.html) and the raw-DOM baseline page (raw.html). Plain JavaScript, no framework.
//
// "Painted": every timing ends in the first task after the next requestAnimationFrame callback. rAF
// callbacks run at the start of a frame's rendering step, before style, layout and paint; a message
// posted from the callback is delivered as a new task once that rendering step is over, i.e. once the
// main thread has laid out and painted (committed) the frame that shows the change. MessageChannel
// rather than setTimeout(0): no timer clamping or coalescing.

export const nextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets the page go quiet between two measurements: two painted frames, then `ms` idle (+ `jitter`). */
export async function quiet(ms = 50, jitter = 0) {
  await nextPaint();
  await nextPaint();
  await sleep(ms + Math.random() * jitter);
}

/**
 * Resolves as soon as `done()` is true: checked right away, after the element's pending Lit update
 * (when `host` is one), then on every DOM mutation under `root`. Throws after `timeout` ms.
 */
async function until(done, { host, root, timeout = 15000, what = 'condition' }) {
  if (done()) return;
  if (host?.updateComplete) {
    await host.updateComplete;
    if (done()) return;
  }
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => (observer.disconnect(), resolve()));
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => (observer.disconnect(), resolve()), 20);
    });
  }
}

const RADIOS = '.options input[type="radio"]';

// ——— the element ———

/**
 * Render: performance.now() right before document.createElement, then the attributes, the instrument
 * and the append; stops when the shadow root holds `expectedRadios` radios and the next frame is painted.
 * Without `expectedRadios` (the warm-up page of a bundled instrument), waits for the element's update,
 * then for the count to hold still for 300 ms, and returns it for the measured pages.
 */
export async function renderElement({ tag, attributes, instrument, expectedRadios }) {
  await customElements.whenDefined(tag);
  const t0 = performance.now();
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (instrument) el.instrument = instrument;
  document.body.append(el);
  const root = el.shadowRoot;
  if (!root) throw new Error(`${tag} has no open shadow root`);
  const count = () => root.querySelectorAll(RADIOS).length;
  if (expectedRadios) {
    await until(() => count() >= expectedRadios, { host: el, root, what: `${expectedRadios} radios in <${tag}>` });
    await nextPaint();
    const ms = performance.now() - t0;
    if (count() !== expectedRadios) throw new Error(`<${tag}>: ${count()} radios, expected ${expectedRadios}`);
    return { ms, radios: count() };
  }
  await el.updateComplete;
  await nextPaint();
  const ms = performance.now() - t0;
  let seen = count();
  for (let still = 0; still < 3; ) {
    await sleep(100);
    still = count() === seen ? still + 1 : 0;
    seen = count();
  }
  return { ms, radios: seen, provisional: true };
}

/** The skeleton of what the element rendered, for the raw-DOM baseline: its sections' choice questions. */
export function skeletonOf(tag) {
  const root = document.querySelector(tag).shadowRoot;
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const groupOf = (fieldset) => {
    const radios = [...fieldset.querySelectorAll(':scope > .options > label > input[type="radio"]')];
    if (!radios.length) return undefined;
    return {
      name: radios[0].name,
      legend: text(fieldset.querySelector(':scope > legend')),
      options: radios.map((r) => ({ value: r.value, label: text(r.closest('label')) })),
    };
  };
  return {
    title: text(root.querySelector('[part="title"]')),
    sections: [...root.querySelectorAll('section[part="section"]')].map((section) => ({
      title: text(section.querySelector('[part="section-title"]')),
      groups: [...section.querySelectorAll('fieldset')]
        .filter((f) => f.closest('section[part="section"]') === section)
        .map(groupOf)
        .filter(Boolean),
    })),
  };
}

/** Click → painted on the element, on `count` questions spread over the form. */
export function clickElement({ tag, count }) {
  const el = document.querySelector(tag);
  const root = el.shadowRoot;
  // The summary node is looked up again only when Lit replaced it: a querySelector over a large shadow
  // tree on every check would bill the harness's own work to the element.
  let node = root.querySelector('[part="summary"]');
  const summary = () => {
    if (!node?.isConnected) node = root.querySelector('[part="summary"]');
    return node?.textContent ?? '';
  };
  return clickSeries({ root, host: el, summary, count, what: `<${tag}>` });
}

// ——— the raw-DOM baseline ———

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Render of the baseline: builds the same markup as the element's (section, heading, fieldset, legend,
 * div of label > radio + span per option, a summary line and a submit button) as one string, writes
 * it with one innerHTML into a new div appended to the body, waits for the next painted frame. A
 * delegated change listener updates an answered-count, the baseline's "summary". No stylesheet.
 */
export async function renderRaw({ skeleton }) {
  const t0 = performance.now();
  let html = `<div class="base"><header><h2>${esc(skeleton.title)}</h2></header>`;
  for (const section of skeleton.sections) {
    html += `<section class="section top"><h3>${esc(section.title)}</h3>`;
    for (const group of section.groups) {
      html += `<fieldset class="item"><legend>${esc(group.legend)}</legend><div class="options" data-item="${esc(group.name)}">`;
      for (const o of group.options)
        html += `<label class="option"><input type="radio" name="${esc(group.name)}" value="${esc(o.value)}"><span>${esc(o.label)}</span></label>`;
      html += `</div></fieldset>`;
    }
    html += `</section>`;
  }
  html += `<section class="summary"><p>Réponses données : <output id="answered">0</output></p></section>`;
  html += `<div class="actions"><button type="button">Soumettre</button></div></div>`;
  const host = document.createElement('div');
  host.id = 'raw';
  host.innerHTML = html;
  document.body.append(host);
  const answered = new Set();
  const counter = host.querySelector('#answered');
  host.addEventListener('change', (event) => {
    answered.add(event.target.name);
    counter.textContent = String(answered.size);
  });
  await nextPaint();
  return { ms: performance.now() - t0, radios: host.querySelectorAll(RADIOS).length };
}

export function clickRaw({ count }) {
  const root = document.getElementById('raw');
  const counter = root.querySelector('#answered');
  const summary = () => counter.textContent;
  return clickSeries({ root, summary, count, what: 'raw DOM' });
}

// ——— the static copy: the element's own markup, without the element ———

/**
 * What the static copy is made of (`npm run bench` and bench/profile.mjs decompose): the element's
 * shadow DOM as it stands, serialized (Lit's comment markers included), and the text of its adopted
 * stylesheets; with its element and comment-node counts.
 */
export function snapshotOf(tag) {
  const root = document.querySelector(tag).shadowRoot;
  const css = [...root.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let comments = 0;
  while (walker.nextNode()) comments++;
  return { html: root.innerHTML, css, elements: root.querySelectorAll('*').length, comments, radios: root.querySelectorAll(RADIOS).length };
}

/** The static copy of an element, taken as the bench takes it: rendered in this page, settled 200 ms, serialized. */
export async function settledCopy({ tag, attributes, instrument }) {
  await renderElement({ tag, attributes, instrument });
  await quiet(200);
  return snapshotOf(tag);
}

/**
 * The element's final shadow DOM, serialized, written with one innerHTML into the open shadow root of
 * a plain div (Lit's comment markers included, so the node count is the element's), with the element's
 * stylesheet or none. What the browser alone costs for this page: no Lit, no engine.
 */
export async function renderStatic({ html, css }) {
  const t0 = performance.now();
  const host = document.createElement('div');
  host.id = 'static';
  const root = host.attachShadow({ mode: 'open' });
  if (css) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  }
  root.innerHTML = html;
  document.body.append(host);
  await nextPaint();
  return { ms: performance.now() - t0, radios: root.querySelectorAll(RADIOS).length };
}

/**
 * Clicks on that copy; as in the raw baseline, a delegated listener updates one counter (the summary's first line).
 * `followUps` (the copy with the same reveals, scripts/bench.mjs): the copy was taken with every follow-up
 * question shown; each is hidden first (display: none, untimed), and the listener also shows or hides the
 * follow-ups of the question clicked, as the element does — `{ id, name, values }`: the follow-up's item
 * id, the radio name of the question it follows, the answers that show it.
 */
export async function clickStatic({ count, followUps }) {
  const root = document.getElementById('static').shadowRoot;
  const counter = root.querySelector('[part="summary"] p');
  const answered = new Set();
  // A follow-up the copy does not hold is one its age band leaves out (the element never shows it either).
  const hidden = [];
  for (const f of followUps ?? []) {
    const node = root.getElementById(`q-${f.id}`);
    if (!node) continue;
    const box = node.closest('.item') ?? node;
    box.style.display = 'none';
    box.dataset.benchFollowUp = '';
    hidden.push({ ...f, box });
  }
  if (followUps?.length && !hidden.length) throw new Error('static copy: none of the follow-up questions is there');
  // The radio names come from bench/fixtures.mjs, which writes the field keys' grammar again (src/schema/keys.ts):
  // if it drifted, no follow-up would ever be shown; say so rather than time a copy that reveals nothing.
  if (hidden.length && !hidden.some((f) => root.querySelector(`input[name="${CSS.escape(f.name)}"]`)))
    throw new Error(`static copy: no question answers to ${hidden.map((f) => f.name).join(', ')}`);
  if (hidden.length) await quiet(50);
  root.addEventListener('change', (event) => {
    const { name, value } = event.target;
    answered.add(name);
    counter.textContent = String(answered.size);
    for (const f of hidden) if (f.name === name) f.box.style.display = f.values.includes(value) ? '' : 'none';
  });
  const series = await clickSeries({ root, summary: () => counter.textContent, count, what: 'static copy' });
  // How many follow-ups the copy holds and can reveal (not how many the instrument has: an age band leaves some out).
  return followUps ? { ...series, followUps: hidden.length } : series;
}

// ——— clicks, shared ———

/**
 * For each of `count` questions spread evenly over the form: scrolls it to the middle of the viewport
 * (a person clicks what they see), waits for a quiet page (and a random
 * 0–17 ms, so clicks do not lock onto one phase of the 60 Hz frame clock), then t0, a real click() on
 * an unchecked option's <label>, waits until the radio is checked and the summary text has changed,
 * then for the next painted frame. Returns the click → painted times, and for diagnosis the click →
 * DOM-updated times (script only: the click's handlers and the element's update).
 */
async function clickSeries({ root, host, summary, count, what }) {
  // The questions shown before the first click (a hidden follow-up of the copy with the same reveals is not one).
  const groups = [...new Set([...root.querySelectorAll(RADIOS)].filter((r) => !r.closest('[data-bench-follow-up]')).map((r) => r.name))];
  if (groups.length < count) count = groups.length;
  const times = [];
  const dom = [];
  for (let k = 0; k < count; k++) {
    const name = groups[Math.floor(((k + 0.5) * groups.length) / count)];
    const options = [...root.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)];
    const input = options[1 + (k % (options.length - 1))];
    const label = input.closest('label');
    // A person clicks an option they can see: bring it to the middle of the viewport first, untimed.
    label.scrollIntoView({ block: 'center' });
    await quiet(50, 17);
    const before = summary();
    performance.mark('bench-click');
    const t0 = performance.now();
    label.click();
    await until(() => input.checked && summary() !== before, { host, root, timeout: 5000, what: `${what}: ${name} checked and the summary updated` });
    const t1 = performance.now();
    await nextPaint();
    times.push(performance.now() - t0);
    performance.mark('bench-painted');
    dom.push(t1 - t0);
  }
  return { times, dom };
}
