// In-page measurements, shared by the Boussole page and the raw-DOM baseline page. Every timing ends
// on the first task after the next animation frame, i.e. once that frame has been painted.
export const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Creates the element, waits for every expected radio in its shadow root, then for the next painted frame. */
export async function renderBoussole({ tag, attributes = {}, instrument, expectedRadios }) {
  const t0 = performance.now();
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (instrument) el.instrument = instrument;
  document.body.append(el);
  await el.updateComplete;
  const radios = el.shadowRoot.querySelectorAll('input[type="radio"]').length;
  if (expectedRadios && radios < expectedRadios) throw new Error(`${tag}: ${radios} radios, expected ${expectedRadios}`);
  await nextPaint();
  return { ms: performance.now() - t0, radios };
}

/** Clicks an unchecked option of `count` questions spread over the form; each until the next painted frame. */
export async function clickBoussole({ tag, count = 5 }) {
  const el = document.querySelector(tag);
  const root = el.shadowRoot;
  const groups = [...new Set([...root.querySelectorAll('input[type="radio"]')].map((r) => r.name))];
  const times = [];
  for (let k = 0; k < count; k++) {
    const name = groups[Math.floor(((k + 0.5) * groups.length) / count)];
    const input = [...root.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)][1];
    const progress = root.querySelector('[part="progress-table"]')?.textContent;
    const t0 = performance.now();
    input.closest('label').click();
    await el.updateComplete;
    await nextPaint();
    const ms = performance.now() - t0;
    if (!input.checked) throw new Error(`${tag}: the click did not check ${name}`);
    if (progress !== undefined && root.querySelector('[part="progress-table"]').textContent === progress)
      throw new Error(`${tag}: the summary did not update after a click on ${name}`);
    times.push(ms);
  }
  return { ms: median(times), all: times };
}

/** The same fieldset/legend/label/radio markup, written once with innerHTML; a counter updated on change. */
export async function renderRaw({ instrument }) {
  const t0 = performance.now();
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const scale = Object.fromEntries(instrument.scales.map((s) => [s.id, s.options]));
  let html = `<form><h2>${esc(instrument.title.fr)}</h2><p>Questions répondues : <output id="answered">0</output></p>`;
  for (const section of instrument.sections) {
    html += `<section><h3>${esc(section.title.fr)}</h3>`;
    for (const item of section.items) {
      html += `<fieldset><legend>${esc(item.label.fr)}</legend>`;
      for (const o of scale[item.scale])
        html += `<label><input type="radio" name="${item.id}" value="${o.code}"> ${esc(o.label.fr)}</label>`;
      html += `</fieldset>`;
    }
    html += `</section>`;
  }
  html += `<button>Soumettre</button></form>`;
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const answered = new Set();
  host.addEventListener('change', (e) => {
    answered.add(e.target.name);
    host.querySelector('#answered').textContent = String(answered.size);
  });
  await nextPaint();
  return { ms: performance.now() - t0, radios: host.querySelectorAll('input[type="radio"]').length };
}

export async function clickRaw({ count = 5 }) {
  const groups = [...new Set([...document.querySelectorAll('input[type="radio"]')].map((r) => r.name))];
  const times = [];
  for (let k = 0; k < count; k++) {
    const name = groups[Math.floor(((k + 0.5) * groups.length) / count)];
    const input = document.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)[1];
    const t0 = performance.now();
    input.closest('label').click();
    await nextPaint();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), all: times };
}
