/**
 * The fenced code blocks of a Markdown file, for the test that runs the README's examples.
 * No Markdown parser is among the dependencies and only fences matter: a fence opens with
 * three or more backticks or tildes (indented up to three spaces) and an info string whose
 * first word is the language; it closes with the same character, at least as many, alone on
 * its line (CommonMark's rule). An HTML comment `<!-- example: WORD reason -->` on the last
 * non-blank line before a fence annotates it.
 */

export interface FencedBlock {
  /** The info string's first word (`sh`, `ts`, `json`); '' when the fence has none. */
  lang: string;
  /** The lines between the fences, their common fence indentation removed. */
  code: string;
  /** 1-based line of the opening fence, to name the block in a failing test. */
  line: number;
  /** `synopsis`, `needs-aws`, ... from `<!-- example: WORD ... -->` just before the fence. */
  annotation: string | null;
  /** The rest of that comment: why. */
  reason: string;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const ANNOTATION = /^<!--\s*example:\s*([\w-]+)\s*(.*?)\s*-->$/;

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  let lastText = '';
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim() !== '') lastText = lines[i]!.trim();
      continue;
    }
    const [, indent = '', fence = '', lang = ''] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) body.push(lines[end++]!);
    const annotation = ANNOTATION.exec(lastText);
    blocks.push({
      lang,
      code: body.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())).join('\n'),
      line: i + 1,
      annotation: annotation?.[1] ?? null,
      reason: annotation?.[2] ?? '',
    });
    i = end;
    lastText = '';
  }
  return blocks;
}
