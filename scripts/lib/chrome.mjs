// Where the test browser is. Tests run in real headless Chromium: CHROME_PATH if set, else a
// system Chromium or Chrome. On Debian as root, `ensureChrome` installs Debian's chromium with apt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

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

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChrome() {
  let found = findChrome();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there. Point it at a Chrome or Chromium binary.`);
    process.exit(1);
  }
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    found = findChrome();
    if (found) return found;
  }
  console.error(
    [
      'No Chromium or Chrome was found for the browser tests.',
      'Either set CHROME_PATH to a Chrome or Chromium binary, for example:',
      '  CHROME_PATH=/path/to/chrome npm test',
      'or install Chromium (on Debian or Ubuntu: sudo apt-get install chromium).',
    ].join('\n'),
  );
  process.exit(1);
}
