/** The generated JSON Schema files, repository path → text. */
export function jsonSchemaFiles(): Record<string, string>;
