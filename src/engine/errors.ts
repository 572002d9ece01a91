/** Why the engine refused a call or a result; `params` feed the localized message. */
export const ENGINE_ERROR_CODES = [
  'unknown-item',
  'unknown-section',
  'unknown-perspective',
  'perspective-required',
  'unknown-age-band',
  'no-age-band',
  'invalid-date',
  'birth-after-session',
  'invalid-value',
  'invalid-result',
  'instrument-mismatch',
  'version-mismatch',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: EngineErrorCode, params: Record<string, unknown> = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
  }
}
