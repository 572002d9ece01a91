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

/**
 * For bench/profile.mjs: wraps `object[name]` so that each call adds its time (ms) to `record()[label]`, or to
 * nothing when `record()` gives nothing.
 */
export const timeCalls =
  (record) =>
  (object, name, label = name) => {
    const original = object[name];
    object[name] = function (...args) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const into = record();
        if (into) into[label] = (into[label] ?? 0) + performance.now() - t0;
      }
    };
  };

/** The element rendered as renderElement renders it, then left to rest `pause` ms (bench/profile.mjs): the element. */
export async function restedElement({ tag, attributes, instrument, pause }) {
  await renderElement({ tag, attributes, instrument });
  await quiet(pause);
  return document.querySelector(tag);
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

/** Click → painted on the element, on `count` questions spread over the form; `after()` once each click is painted. */
export function clickElement({ tag, count, after }) {
  const el = document.querySelector(tag);
  const root = el.shadowRoot;
  // The summary node is looked up again only when Lit replaced it: a querySelector over a large shadow
  // tree on every check would bill the harness's own work to the element.
  let node = root.querySelector('[part="summary"]');
  const summary = () => {
    if (!node?.isConnected) node = root.querySelector('[part="summary"]');
    return node?.textContent ?? '';
  };
  return clickSeries({ root, host: el, summary, count, what: `<${tag}>`, after });
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
async function clickSeries({ root, host, summary, count, what, after }) {
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
    after?.();
  }
  return { times, dom };
}

// ——— the static copy writing what the element writes (npm run bench, bench/profile.mjs floor) ———

// A serialized copy, parsed again, merges adjacent text nodes (Lit's dynamic texts sit beside its templates'
// static ones) and drops empty ones. The copy that replays the element's writes is first given the element's
// own text nodes (split and added, untimed), so that a place in one tree is the same place in the other.

/** The shape of a tree's child nodes: a text node is its text, a comment 0, an element the list of its children's shapes. */
const shapeOf = (node) => [...node.childNodes].map((n) => (n.nodeType === 3 ? n.data : n.nodeType === 1 ? shapeOf(n) : 0));

/** Splits and adds text nodes under `node` (a parsed copy) until its child nodes have `shape`. */
function conform(node, shape) {
  let at = node.firstChild;
  for (let i = 0; i < shape.length; ) {
    if (typeof shape[i] !== 'string') {
      if (Array.isArray(shape[i])) conform(at, shape[i]);
      at = at.nextSibling;
      i++;
      continue;
    }
    // A run of text nodes in the element: one text node, or none when all are empty, in the copy.
    let end = i;
    while (typeof shape[end] === 'string') end++;
    const run = shape.slice(i, end);
    const joined = run.join('');
    if (joined && (at?.nodeType !== 3 || at.data !== joined)) throw new Error(`static copy: expected the text ${JSON.stringify(joined)}`);
    let text = joined ? at : node.insertBefore(document.createTextNode(''), at);
    at = text.nextSibling;
    // Each piece but the last is cut off the front of the copy's text (or is an empty node before what is left).
    for (const piece of run.slice(0, -1))
      text = piece.length < text.data.length ? text.splitText(piece.length) : text.parentNode.insertBefore(document.createTextNode(''), text.nextSibling);
    i = end;
  }
}

/** What a person reads in the tree, white space squeezed: the copy ended as the element did when both read the same. */
const squeezed = (root) => [...root.children].map((e) => e.textContent).join(' ').replace(/\s+/g, ' ').trim();

const indexOf = (node) => Array.prototype.indexOf.call(node.parentNode.childNodes, node);

/** A node's place under `root`: its index among its parent's child nodes, its parent's, and so on up to `root`. */
function pathOf(node, root) {
  const path = [];
  for (let n = node; n !== root; n = n.parentNode) {
    if (!n.parentNode) return undefined;
    path.unshift(indexOf(n));
  }
  return path;
}

const nodeAt = (root, path) => path.reduce((n, i) => n.childNodes[i], root);

/**
 * Clicks the element as clickElement does and records, per click, what its update wrote in its shadow
 * root — texts, attributes, nodes added (as markup and shape) and removed, each by its place in the tree
 * after the update — and the shape of the tree before the first click. clickStaticWrites replays them
 * on the static copy: a click there writes what the element's answer showed, with no engine and no Lit.
 */
export async function recordWrites({ tag, count }) {
  const el = document.querySelector(tag);
  const root = el.shadowRoot;
  const shape = shapeOf(root);
  const clicks = [];
  const records = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const take = () => {
    const ops = { removed: [], added: [], texts: [], attributes: [] };
    for (const r of records.splice(0).concat(observer.takeRecords())) {
      const path = r.target.isConnected ? pathOf(r.target, root) : undefined;
      if (!path) continue; // written, then taken out in the same update
      // Whether it is the summary's (prepareWrites can leave those out: what a summary not live would save).
      const summary = !!(r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('[part="summary"]');
      if (r.type === 'characterData') ops.texts.push({ path, data: r.target.data, summary });
      else if (r.type === 'attributes') ops.attributes.push({ path, name: r.attributeName, value: r.target.getAttribute(r.attributeName), summary });
      else {
        if (r.removedNodes.length) {
          const after = r.previousSibling?.parentNode === r.target ? indexOf(r.previousSibling) : -1;
          ops.removed.push({ parent: path, at: after + 1, count: r.removedNodes.length, summary });
        }
        for (const n of r.addedNodes)
          if (n.parentNode === r.target)
            ops.added.push({
              parent: path,
              at: indexOf(n),
              summary,
              kind: n.nodeType,
              markup: n.nodeType === 1 ? n.outerHTML : n.data,
              shape: n.nodeType === 1 ? shapeOf(n) : undefined,
            });
      }
    }
    ops.added.sort((a, b) => a.at - b.at);
    return ops;
  };
  root.addEventListener('click', () => void take(), { capture: true }); // what came before this click is not its own
  const series = await clickElement({ tag, count, after: () => clicks.push(take()) });
  observer.disconnect();
  return { ...series, writes: { shape, clicks, text: squeezed(root) } };
}

/**
 * Makes the static copy ready to replay the element's writes recorded by recordWrites, untimed (call it
 * right after renderStatic, before the pause): its text nodes are made the element's, and the nodes to
 * add are parsed (Lit keeps its templates parsed too). Returns what clickStaticWrites replays. With
 * `summary: false`, the summary's writes are left out and one counter in it is written instead, as
 * the one-counter copy does: a page whose summary is not live.
 */
export function prepareWrites(writes, { summary = true } = {}) {
  const root = document.getElementById('static').shadowRoot;
  conform(root, writes.shape);
  const template = document.createElement('template');
  const kept = (list) => (summary ? list : list.filter((op) => !op.summary));
  const clicks = writes.clicks.map((ops) => ({
    removed: kept(ops.removed),
    texts: kept(ops.texts),
    attributes: kept(ops.attributes),
    added: kept(ops.added).map((a) => {
      if (a.kind !== 1) return { ...a, node: a.kind === 8 ? document.createComment(a.markup) : document.createTextNode(a.markup) };
      template.innerHTML = a.markup;
      const node = template.content.firstChild;
      conform(node, a.shape);
      return { ...a, node };
    }),
  }));
  return { clicks, text: summary ? writes.text : undefined, counter: summary ? undefined : summaryCounter(root) };
}

/** A text node at the end of the summary's first paragraph, for a page that writes one counter there. */
const summaryCounter = (root) => root.querySelector('[part="summary"] p').appendChild(document.createTextNode(''));

/**
 * Clicks on the static copy whose change listener replays, for each click, what the element wrote
 * (prepareWrites). Throws if the copy did not end reading as the element did.
 */
export async function clickStaticWrites({ count, prepared }) {
  const root = document.getElementById('static').shadowRoot;
  let k = 0;
  root.addEventListener('change', () => {
    const ops = prepared.clicks[k++];
    if (!ops) return;
    for (const r of ops.removed) {
      const parent = nodeAt(root, r.parent);
      for (let i = 0; i < r.count; i++) parent.childNodes[r.at]?.remove();
    }
    for (const a of ops.added) {
      const parent = nodeAt(root, a.parent);
      parent.insertBefore(a.node, parent.childNodes[a.at] ?? null);
    }
    for (const t of ops.texts) nodeAt(root, t.path).data = t.data;
    for (const a of ops.attributes) {
      const node = nodeAt(root, a.path);
      if (a.value === null) node.removeAttribute(a.name);
      else node.setAttribute(a.name, a.value);
    }
    if (prepared.counter) prepared.counter.data = ` ${k}`;
  });
  const summary = root.querySelector('[part="summary"]');
  const series = await clickSeries({ root, summary: () => summary.textContent, count, what: 'static copy, the element’s writes' });
  if (prepared.text !== undefined && squeezed(root) !== prepared.text) throw new Error('the static copy replaying the element’s writes did not end as the element did');
  return series;
}
