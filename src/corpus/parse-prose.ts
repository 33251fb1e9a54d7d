import type { Passage } from "./schema.js";
import type { SourceLine } from "./source-text.js";
import { cleanText } from "./parse-sections.js";

const SENTENCE_END = /[.!?…»")]$/;
const HEADING_MAX = 90;

/**
 * A prose document becomes passages: one per paragraph, with the nearest heading above as its
 * section. A short line without final punctuation is a heading; a line ending with ":" takes the
 * "- " items that follow; a line that starts in lower case continues the paragraph above.
 */
export function parseProse(lines: SourceLine[]): Passage[] {
  const passages: Passage[] = [];
  let section: string | null = null;
  let open: Passage | null = null;

  for (const l of lines) {
    const text = cleanText(l.text);
    if (!text) continue;
    const item = text.startsWith("- ");
    const lastLine = open?.text.split("\n").at(-1) ?? "";
    if (open && item && (lastLine.endsWith(":") || lastLine.startsWith("- "))) {
      open.text += `\n${text}`;
      continue;
    }
    if (open && /^\p{Ll}/u.test(text) && !SENTENCE_END.test(open.text)) {
      open.text += ` ${text}`;
      continue;
    }
    if (!item && text.length <= HEADING_MAX && !SENTENCE_END.test(text) && !/:$/.test(text)) {
      section = text;
      open = null;
      continue;
    }
    open = { section, text, line: l.line };
    passages.push(open);
  }
  return passages;
}
