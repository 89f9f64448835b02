/** What a migration step works on: a document's JSON, not yet validated (steps never throw on odd shapes). */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One step of the chain: a document of version `from` becomes one of version `from + 1`. */
export type MigrationStep = { from: number; migrate: (doc: JsonObject) => JsonObject };
