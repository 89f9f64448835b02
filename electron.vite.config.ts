/**
 * Build of the three Electron targets into out/:
 *   out/main/index.js       main process (ESM, package.json is "type": "module")
 *   out/preload/index.cjs   preload: CommonJS and self-contained (zod bundled), because a
 *                           sandboxed preload can only require('electron')
 *   out/renderer/           the React app (index.html + assets), also served as-is by
 *                           src/services/host/http.ts for the Playwright tests
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src/shared/csp';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Fails the build if index.html's CSP <meta> is not exactly the policy in src/shared/csp.ts. */
function checkCspMeta(): Plugin {
  return {
    name: 'rapporteur:check-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
        if (!m) throw new Error('src/renderer/index.html has no Content-Security-Policy <meta> tag');
        if (m[1] !== META_CONTENT_SECURITY_POLICY) {
          throw new Error(`index.html CSP differs from src/shared/csp.ts:\n  html:   ${m[1]}\n  shared: ${META_CONTENT_SECURITY_POLICY}`);
        }
        return html;
      },
    },
  };
}

/**
 * `virtual:spell-dictionaries`: the Hunspell dictionaries (French; British and American English
 * for Oxford spelling) as strings inside the spell checker's worker bundle, so checking works
 * offline and from file:// without fetching anything. The packages export only their Node entry,
 * so their files are read from the package folders here.
 */
function spellDictionaries(): Plugin {
  const id = 'virtual:spell-dictionaries';
  const resolved = `\0${id}`;
  const require = createRequire(import.meta.url);
  const read = (pkg: string) => {
    const dir = dirname(require.resolve(pkg));
    return { aff: readFileSync(resolve(dir, 'index.aff'), 'utf8'), dic: readFileSync(resolve(dir, 'index.dic'), 'utf8') };
  };
  return {
    name: 'rapporteur:spell-dictionaries',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (loaded) => (loaded === resolved ? `export default ${JSON.stringify({ fr: read('dictionary-fr'), enGb: read('dictionary-en-gb'), enUs: read('dictionary-en') })};` : undefined),
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Bundle everything (zod, the contract): a sandboxed preload cannot load node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    plugins: [checkCspMeta()],
    worker: { format: 'es', plugins: () => [spellDictionaries()] },
    resolve: {
      // hunspell-asm's and its loader's ESM builds import CommonJS modules (the WebAssembly
      // runtime, nanoid) as namespaces, which are not callable once bundled; their CommonJS builds
      // require them properly (and hunspell-asm's "browser" field swaps in the browser runtime).
      alias: {
        'hunspell-asm': resolve(root, 'node_modules/hunspell-asm/dist/cjs/index.js'),
        'emscripten-wasm-loader': resolve(root, 'node_modules/emscripten-wasm-loader/dist/cjs/index.js'),
      },
    },
    // Dev server on loopback only.
    server: { host: '127.0.0.1' },
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
