/** A line a parser could not use, with its 1-based line number and why. */
export interface LineProblem {
  readonly line: number;
  readonly message: string;
}

/** A parser's result: what it could read and every line it skipped (never silently). */
export interface Parsed<T> {
  readonly value: T;
  readonly problems: readonly LineProblem[];
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * Epoch ms of a zone-less `YYYY-MM-DD HH:MM[:SS[.ffffff]]`, read as UTC (the data sets record
 * local wall-clock time without a zone; UTC keeps every minute distinct and unambiguous).
 * Null when the text is not such a date-time or names an impossible date.
 */
export function parseUtcDateTime(text: string): number | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Math.floor(Number(`0.${frac ?? 0}`) * 1000));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || check.getUTCMonth() !== Number(mo) - 1) return null;
  return ms;
}

/** Splits text into lines, accepting \n and \r\n. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Removes one pair of surrounding double quotes. */
export function unquote(field: string): string {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f;
}
