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

/** Codes of the `boussole-error` event: bad input from the host (instrument, value, attribute). */
export const ERROR_CODES = [
  'invalid-instrument',
  'unknown-instrument',
  'unreadable-value',
  'instrument-mismatch',
  'version-mismatch',
  'unknown-age-band',
  'no-age-band',
  'invalid-date',
  'birth-after-session',
  'unsupported-locale',
  'invalid-layout',
  'invalid-heading-level',
  'invalid-draft-setting',
  'unreadable-draft',
  'unreadable-previous',
  'unavailable-module',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The `boussole-error` code of an engine refusal caused by the host's input (a result, a date, a
 * band); undefined for a refusal that only a wrong call can cause (an unknown item, a missing voice).
 */
export function errorCodeOf(code: EngineErrorCode): ErrorCode | undefined {
  switch (code) {
    case 'invalid-result':
      return 'unreadable-value';
    case 'instrument-mismatch':
    case 'version-mismatch':
    case 'unknown-age-band':
    case 'no-age-band':
    case 'invalid-date':
    case 'birth-after-session':
      return code;
    case 'unknown-item':
    case 'unknown-section':
    case 'unknown-perspective':
    case 'perspective-required':
    case 'invalid-value':
      return undefined;
  }
}

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
