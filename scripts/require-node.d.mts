// Types for scripts/require-node.mjs.
export declare function requiredMajor(range: string): number;
export declare function nodeVersionProblem(version: string, range?: string): string | undefined;
