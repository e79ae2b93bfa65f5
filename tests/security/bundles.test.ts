/**
 * What ships, read as text: the built bundles in dist/chromium and dist/firefox (`npm test` builds
 * them first) use no network API that is not explained below, and no way of running strings as
 * code or markup; the HTML and CSS load nothing from elsewhere; the manifests ask for the least.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const BROWSERS = ['chromium', 'firefox'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const built = BROWSERS.flatMap((b) => {
  const root = join(DIST, b);
  if (!existsSync(join(root, 'manifest.json'))) throw new Error(`No build at ${root}: run \`npm run build\` first.`);
  return filesUnder(root).map((file) => ({ browser: b, file, name: relative(root, file).split('\\').join('/') }));
});
const scripts = built.filter((f) => f.name.endsWith('.js'));

interface Occurrence {
  file: string;
  api: string;
  context: string;
}

/** Network APIs: every occurrence in a bundle must match an entry of ALLOWED. */
const NETWORK_APIS: [name: string, pattern: RegExp][] = [
  ['fetch(', /\bfetch\(/g],
  ['XMLHttpRequest', /XMLHttpRequest/g],
  ['WebSocket', /WebSocket/g],
  ['sendBeacon', /sendBeacon/g],
  ['EventSource', /EventSource/g],
  ['importScripts', /importScripts/g],
  ['new Worker(', /new\s+(Shared)?Worker\(/g],
  ['import(', /\bimport\(/g],
  ['RTCPeerConnection', /RTCPeerConnection/g],
  ['WebTransport', /WebTransport/g],
  ['serviceWorker.register', /serviceWorker\s*\.\s*register/g],
];

/** Running strings as code or markup: none may occur at all. */
const UNSAFE_APIS: [name: string, pattern: RegExp][] = [
  ['eval(', /\beval\(/g],
  ['new Function(', /new\s+Function\(/g],
  ['innerHTML=', /\binnerHTML\s*\+?=(?!=)/g],
  ['outerHTML=', /\bouterHTML\s*\+?=(?!=)/g],
  ['insertAdjacentHTML', /insertAdjacentHTML/g],
  ['document.write', /document\s*\.\s*write(ln)?\b/g],
  ['setTimeout/setInterval with a string', /\bset(Timeout|Interval)\(\s*["'`]/g],
  ['createContextualFragment', /createContextualFragment/g],
  ['srcdoc', /srcdoc/g],
  ['javascript: URL', /javascript:/gi],
];

interface Allowed {
  api: string;
  /** Which built files (relative to dist/<browser>/). */
  file: RegExp;
  /** The code around the occurrence (80 characters each side). */
  context: RegExp;
  reason: string;
}

const ALLOWED: Allowed[] = [
  {
    api: 'fetch(',
    file: /^pages\/(glossary|popup)\.js$/,
    context: /\}fetch\(\w+,\w+\)\{if\(typeof \w+!="string"\)throw new Error\("key must be a string"\)/,
    reason:
      'MiniSearch’s SearchableMap.prototype.fetch(key, initial): a method of its radix tree (the glossary ' +
      'and popup search index), defined here; not the global fetch.',
  },
  {
    api: 'fetch(',
    file: /^pages\/(glossary|popup)\.js$/,
    context: /this\._index\.fetch\(/,
    reason: 'A call of that SearchableMap.fetch on MiniSearch’s own index (this._index), not the global fetch.',
  },
];

function scan(text: string, file: string, apis: [string, RegExp][]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const [api, pattern] of apis) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index;
      found.push({ file, api, context: text.slice(Math.max(0, at - 80), at + 80) });
    }
  }
  return found;
}

function occurrences(apis: [string, RegExp][]): Occurrence[] {
  return scripts.flatMap(({ browser, file, name }) => scan(readFileSync(file, 'utf8'), `${browser}/${name}`, apis));
}

function explanation(o: Occurrence): Allowed | undefined {
  const name = o.file.slice(o.file.indexOf('/') + 1);
  return ALLOWED.find((a) => a.api === o.api && a.file.test(name) && a.context.test(o.context));
}

describe('bundles', () => {
  test('there is something to scan', () => {
    for (const b of BROWSERS) {
      for (const f of ['background.js', 'content.js', 'pages/popup.js', 'pages/options.js', 'pages/glossary.js']) {
        expect(scripts.map((s) => `${s.browser}/${s.name}`)).toContain(`${b}/${f}`);
      }
    }
  });

  test('the scan finds what it looks for (minified forms included)', () => {
    const code =
      'a(),fetch("https://x.example/");let w=new WebSocket(u);navigator.sendBeacon(u,d);new Worker(s);' +
      'el.innerHTML=t;el.outerHTML +=t;eval("1");new Function("x");document.write(h);setTimeout("f()",1);';
    const found = [...scan(code, 'x', NETWORK_APIS), ...scan(code, 'x', UNSAFE_APIS)].map((o) => o.api);
    expect(found.sort()).toEqual(
      [
        'fetch(',
        'WebSocket',
        'sendBeacon',
        'new Worker(',
        'innerHTML=',
        'outerHTML=',
        'eval(',
        'new Function(',
        'document.write',
        'setTimeout/setInterval with a string',
      ].sort(),
    );
    expect(found.filter((api) => api === 'fetch(').length).toBe(1);
    // A read is not a write; an explained call is explained only in its file.
    expect(scan('x=a.innerHTML==b.__html', 'x', UNSAFE_APIS)).toEqual([]);
    const call = scan('let i=this._index.fetch(o,Ct)', 'chromium/content.js', NETWORK_APIS)[0]!;
    expect(explanation(call)).toBeUndefined();
    expect(explanation({ ...call, file: 'chromium/pages/glossary.js' })).toBeDefined();
  });

  test('every network API in a bundle is explained in the allow list', () => {
    const unexplained = occurrences(NETWORK_APIS).filter((o) => !explanation(o));
    expect(unexplained, 'add an entry to ALLOWED with its reason, or remove the call').toEqual([]);
  });

  test('every allow-list entry is still needed (the list says what the code does today)', () => {
    const used = new Set(occurrences(NETWORK_APIS).map(explanation));
    for (const a of ALLOWED) expect(used.has(a), `unused: ${a.reason}`).toBe(true);
    for (const a of ALLOWED) expect(a.reason.length).toBeGreaterThan(20);
  });

  test('no eval, Function, innerHTML/outerHTML writes, insertAdjacentHTML, document.write', () => {
    expect(occurrences(UNSAFE_APIS)).toEqual([]);
  });

  test('Preact’s one innerHTML write was replaced by a throw in every bundle that has Preact', () => {
    for (const { browser, file, name } of scripts) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('__html')) continue; // no Preact in this bundle
      expect(text, `${browser}/${name}`).toContain('raw HTML is not allowed');
    }
  });

  test('the content script and the background name no address but XML namespaces', () => {
    for (const { browser, file, name } of scripts) {
      if (name !== 'content.js' && name !== 'background.js') continue;
      const urls = readFileSync(file, 'utf8').match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'`)]*/gi) ?? [];
      const other = urls.filter(
        (u) => !/^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink)/.test(u),
      );
      expect(other, `${browser}/${name}`).toEqual([]);
    }
  });

  test('the extension’s HTML loads only its own files, with no inline script', () => {
    for (const { browser, file, name } of built.filter((f) => f.name.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      const where = `${browser}/${name}`;
      expect(html, where).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // inline scripts
      expect(html, where).not.toMatch(/\son[a-z]+\s*=/i); // inline handlers
      for (const [, , ref] of html.matchAll(/\b(src|href)\s*=\s*["']([^"']*)["']/gi)) {
        expect(ref, where).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
      }
      expect(html, where).not.toMatch(/https?:\/\//i);
    }
  });

  test('the extension’s CSS imports nothing and loads no remote url()', () => {
    for (const { browser, file, name } of built.filter((f) => f.name.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      expect(css, `${browser}/${name}`).not.toMatch(/@import/i);
      for (const [, ref] of css.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
        expect(ref, `${browser}/${name}`).toMatch(/^(data:|#|[a-z0-9_./-]+$)/i);
        expect(ref).not.toMatch(/^\/\//);
      }
    }
  });
});

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches?: string[]; world?: string }[];
  content_security_policy?: { extension_pages?: string };
};

function manifestOf(browser: (typeof BROWSERS)[number]): Manifest {
  return JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8')) as Manifest;
}

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Every string in the manifest, with its path. */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

const MATCH_PATTERNS = ['http://*/*', 'https://*/*'];

describe.each(BROWSERS)('the %s manifest', (browser) => {
  const manifest = manifestOf(browser);

  test('extension pages: scripts only from the extension, no connections at all', () => {
    const csp = manifest.content_security_policy?.extension_pages;
    expect(csp).toBeTypeOf('string');
    const d = directives(csp!);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    for (const [name, values] of d) {
      for (const v of values) {
        expect(`${name} ${v}`).not.toMatch(/unsafe|\*|https?:|data:|blob:|wasm/i);
      }
    }
  });

  test('only storage and contextMenus, and host access to http and https pages', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['contextMenus', 'storage']);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(MATCH_PATTERNS);
    for (const key of ['optional_permissions', 'optional_host_permissions']) {
      expect((manifest[key] as unknown[] | undefined) ?? []).toEqual([]);
    }
    for (const cs of manifest.content_scripts ?? []) {
      expect([...(cs.matches ?? [])].sort()).toEqual(MATCH_PATTERNS);
      expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
    }
  });

  test('nothing reaches in from outside: no externally_connectable, no web-accessible resources', () => {
    for (const key of ['externally_connectable', 'web_accessible_resources', 'sandbox', 'chrome_url_overrides']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  test('no remote address anywhere (the match patterns are not addresses)', () => {
    for (const key of ['update_url', 'homepage_url']) expect(JSON.stringify(manifest)).not.toContain(`"${key}"`);
    const remote = strings(manifest).filter(
      ([path, value]) =>
        /[a-z][a-z0-9+.-]*:\/\//i.test(value) &&
        !(MATCH_PATTERNS.includes(value) && /^(host_permissions|content_scripts\[\d+\]\.matches)\[\d+\]$/.test(path)),
    );
    expect(remote).toEqual([]);
  });
});
