/** Host input given as an object or as JSON text, as data; text that is not JSON is a problem at `(JSON)`. */
export function jsonOf(raw: unknown): { ok: true; data: unknown } | { ok: false; problems: { path: string; message: string }[] } {
  if (typeof raw !== 'string') return { ok: true, data: raw };
  try {
    return { ok: true, data: JSON.parse(raw) };
  } catch (error) {
    return { ok: false, problems: [{ path: '(JSON)', message: String(error) }] };
  }
}
