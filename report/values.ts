/** Values in one short line, for the text and Markdown reports. */

/** `–` for nothing; strings as they are; anything else as JSON; cut after 60 characters. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** True when a row carries before/after values worth a line of their own: scalars, not both empty. */
export function scalarChange(before: unknown, after: unknown): boolean {
  if (before === undefined && after === undefined) return false;
  // Lists and objects are spelled out by the message.
  const scalar = (value: unknown): boolean => typeof value !== 'object' || value === null;
  return (before !== null || after !== null) && scalar(before) && scalar(after);
}
