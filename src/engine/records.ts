/**
 * Reading data keyed by ids. Item, section, option and status ids are data, and may be any name,
 * `constructor` or `toString` included: a plain `record[id]` would then find a member every object
 * inherits. Every read of a record keyed by an id goes through `own`.
 */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
