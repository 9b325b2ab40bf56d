/**
 * The text helpers every layer shares: counted nouns, one-line log text, XML 1.0 escaping.
 * One copy each, so a summary, a log line and a JUnit report agree on how they spell things.
 */

/** `1 exchange`, `17 exchanges`; `countOf(2, 'entry', 'entries')` for irregular plurals. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Text for one log line: line breaks (which could forge a second line) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * Text for XML 1.0 (JUnit reports of drift and verify): the five markup characters escaped,
 * and the characters XML 1.0 cannot carry at all removed, so a finding that quotes odd
 * recorded bytes still yields a file every CI parser reads.
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Control characters other than tab, LF and CR; U+FFFE and U+FFFF; unpaired surrogates.
      // eslint-disable-next-line no-control-regex -- removing the control characters XML 1.0 cannot hold is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}
