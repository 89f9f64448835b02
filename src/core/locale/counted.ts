/**
 * English lines that count, outside i18next: the export and import warnings, the CLI's own lines
 * and the server's console. The interface words its counts as i18next plurals (`_one`/`_other`
 * in locales/); these lines are English only and follow the same rule: "1 comment", "2 comments".
 */
export function counted(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
