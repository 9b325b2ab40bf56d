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
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}
