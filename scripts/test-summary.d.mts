// Types for scripts/test-summary.mjs.
export type Report = { kind: 'vitest' | 'playwright'; data: unknown };
export type Step = { name: string; status: number | null; signal?: string | null; skipped?: string; report?: Report };
export declare function summarize(steps: Step[]): { lines: string[]; exitCode: number };
