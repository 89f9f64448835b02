/**
 * The renderer's Content-Security-Policy, in one place. The main process sends it as a header
 * (dev server responses), the build checks that src/renderer/index.html carries it in a
 * <meta http-equiv> tag, and the loopback HTTP host sends it as a header.
 *
 * `frame-ancestors` only works as a header: browsers ignore it in a <meta> tag (and Chromium
 * logs a console error for it), so the meta form leaves it out.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  // WebAssembly (the spell checker's Hunspell) may compile; eval and inline scripts stay refused.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // The compiled Hunspell reads its own embedded binary through a data: URL.
  ['connect-src', "'self' data:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta http-equiv="Content-Security-Policy"> cannot carry. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The full policy, for an HTTP header. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([d, v]) => `${d} ${v}`).join('; ');

/** The policy as index.html's <meta> tag carries it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([d]) => !HEADER_ONLY.has(d))
  .map(([d, v]) => `${d} ${v}`)
  .join('; ');
