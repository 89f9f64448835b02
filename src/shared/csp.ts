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

/** An origin a page may connect to: scheme, host and port, nothing a policy could be broken with. */
const ORIGIN = /^(https?|wss?):\/\/[a-z0-9.-]+(:\d{1,5})?$|^(https?|wss?):\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i;

/**
 * The directives with `connect` added to connect-src: the configured team server's origins
 * (issue 15), and only those. Anything that is not a bare origin is left out.
 */
function directives(connect: readonly string[]): (readonly [string, string])[] {
  const extra = connect.filter((o) => ORIGIN.test(o));
  return CSP_DIRECTIVES.map(([d, v]) => (d === 'connect-src' && extra.length > 0 ? [d, `${v} ${extra.join(' ')}`] : [d, v]));
}

/** The full policy, for an HTTP header; `connect`: the team server's origins, when one is configured. */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return directives(connect)
    .map(([d, v]) => `${d} ${v}`)
    .join('; ');
}

/** The policy as index.html's <meta> tag carries it (a host that serves the page rewrites the tag with its `connect`). */
export function metaContentSecurityPolicy(connect: readonly string[] = []): string {
  return directives(connect)
    .filter(([d]) => !HEADER_ONLY.has(d))
    .map(([d, v]) => `${d} ${v}`)
    .join('; ');
}

/** The policy with no team server. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The policy as the built index.html's <meta> tag carries it (no team server). */
export const META_CONTENT_SECURITY_POLICY = metaContentSecurityPolicy();

/**
 * index.html with its CSP <meta> tag carrying `policy` instead; a page without the tag is left as
 * it is (the header, sent with it, is then its only policy).
 */
export function withMetaPolicy(html: string, policy: string): string {
  const re = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;
  return html.replace(re, (_m, a: string, _old: string, b: string) => `${a}${policy.replace(/"/g, '')}${b}`);
}
