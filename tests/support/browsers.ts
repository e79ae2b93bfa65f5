/** Finds the browsers the end-to-end tests drive, on this machine or a contributor's. */
import { existsSync } from 'node:fs';

function find(envVar: string, candidates: string[], install: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No browser found. Install it (${install}) or set ${envVar} to its executable.`);
  return found;
}

export function findChromium(): string {
  return find(
    'CHROMIUM_PATH',
    [
      '/usr/lib/chromium/chromium',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    'Debian: apt-get install chromium',
  );
}

export function findFirefox(): string {
  return find(
    'FIREFOX_PATH',
    [
      '/usr/bin/firefox-esr',
      '/usr/lib/firefox-esr/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
    'Debian: apt-get install firefox-esr',
  );
}
