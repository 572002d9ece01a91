// Where the test browser is. Tests run in real headless Chromium: CHROME_PATH if set, else Debian's
// chromium-headless-shell (the same Chromium, built for headless use without the browser's own interface:
// what Playwright itself runs headless; the suite takes about a third less CPU in it), else a system Chromium or
// Chrome. On Debian as root, `ensureChrome` installs them with apt. See docs/decisions/0014-test-browser.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Debian's packages: the headless shell for the tests, the full browser for the benchmark (what people run). */
const PACKAGES = ['chromium-headless-shell', 'chromium'];

/** Flags that work as root in a container, without reaching for the network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * The browser to run: CHROME_PATH when set; else, for the tests, the headless shell first; for the benchmark
 * (`{ full: true }`), the browser people run first, since its figures are meant to be theirs.
 */
export function findChrome({ full = false } = {}) {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  const order = full ? [...BROWSERS, HEADLESS_SHELL] : [HEADLESS_SHELL, ...BROWSERS];
  return order.find((path) => existsSync(path));
}

export function ensureChrome({ full = false } = {}) {
  let found = findChrome({ full });
  if (process.env.CHROME_PATH) {
    if (found) return found;
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there. Point it at a Chrome or Chromium binary.`);
    process.exit(1);
  }
  const root = process.getuid?.() === 0;
  // As root with apt, what is missing of Debian's two is installed (the preferred one first); a browser already
  // there is used as it is otherwise.
  const wanted = full ? PACKAGES.slice().reverse() : PACKAGES;
  const missing = wanted.filter((pkg) => !existsSync(`/usr/bin/${pkg}`));
  if (root && existsSync('/usr/bin/apt-get') && (!found || missing[0] === wanted[0])) {
    console.log(`Installing Debian's ${missing.join(' and ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    found = findChrome({ full });
  }
  if (found) return found;
  console.error(
    [
      'No Chromium or Chrome was found for the browser tests.',
      'Either set CHROME_PATH to a Chrome or Chromium binary, for example:',
      '  CHROME_PATH=/path/to/chrome npm test',
      'or install Chromium (on Debian or Ubuntu: sudo apt-get install chromium-headless-shell, or chromium).',
    ].join('\n'),
  );
  process.exit(1);
}
