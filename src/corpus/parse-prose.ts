import type { Passage, SkippedLine } from "./schema.js";
import type { SourceLine } from "./source-text.js";
import { cleanText } from "./parse-sections.js";
import { simplify } from "../language/french.js";
import { isCaption, isChrome } from "./web-page-chrome.js";

/**
 * The version of the rules below. It is part of the corpus hash (load.ts): an index built with
 * other rules holds other passages, and is rebuilt as if a corpus file had changed.
 */
export const PROSE_RULES_VERSION = 3;

const SENTENCE_END = /[.!?…»")]$/;
/** Longer lines are paragraphs, whatever their punctuation: no heading or caption runs this long. */
const HEADING_MAX = 90;
/** A question this short that opens a paragraph is answered by the paragraph after it (interviews, FAQs). */
const QUESTION_MAX = 200;
/** A line that asks, its closing quote aside: « Pourquoi … ? » in an interview. */
const ASKS = /\?\s*[»"”]?$/u;
/** A line that ends with a colon or asks: it announces what follows. */
const ANNOUNCES = /(?::|\?\s*[»"”]?)$/u;

/** "- ", "– ", "• ", "* "…: a bullet makes a list item on its own. */
const BULLET = /^([-–—•*▪●◦·→✓►])\s+\S/u;
/** "1) ", "2. ", "a) ": an item only in a run of at least two. */
const NUMBERED = /^(?:\d{1,2}|[a-z])\s*[.)]\s+\S/u;
/** "Axe 1 : ", "Objectif stratégique 2 – ", "Priorité n°3 : ": an item only in a run of at least two. */
const LABELLED = /^(\p{Lu}[\p{L}'’]*(?:\s+\p{Ll}[\p{L}'’]*)?)\s+(?:n°\s*)?(?:\d{1,2}|[IVX]{1,4})\s*[:.)–—-]\s*\S/u;

/** The family of a list marker: lines of one family make one list; null for a line that is not marked. */
export function listMarker(text: string): { family: string; alwaysItem: boolean } | null {
  const bullet = BULLET.exec(text);
  if (bullet) return { family: `bullet ${bullet[1]}`, alwaysItem: true };
  if (NUMBERED.test(text)) return { family: /^\d/.test(text) ? "number" : "letter", alwaysItem: false };
  const label = LABELLED.exec(text);
  if (label) return { family: `label ${simplify(label[1]!)}`, alwaysItem: false };
  return null;
}

export interface ParsedProse {
  passages: Passage[];
  skipped: SkippedLine[];
}

interface Line {
  line: number;
  text: string;
  /** Blank lines between this line and the previous non-empty one. */
  gap: number;
  marker: ReturnType<typeof listMarker>;
  chrome: SkippedLine["role"] | null;
}

type OpenKind = "paragraph" | "lead-in" | "question" | "items" | "list";

/**
 * A prose document becomes passages. Each non-empty line is read from its shape and from its
 * neighbours, and ends up in exactly one passage or in `skipped`:
 * - web page chrome and photo captions are skipped, and never become a section name;
 * - a list (bullets, or two or more lines numbered or labelled alike: "1)", "Axe 2 :") stays whole,
 *   long items included, with the line just above it (its lead-in: "… :", "… sept axes");
 * - a line ending with ":" takes what follows: a list, short lines, or a paragraph;
 * - a short question takes the answer after it;
 * - a line that starts in lower case continues the unfinished paragraph or item above;
 * - any other short line without final punctuation is a heading: the section of what follows;
 * - every other line is a paragraph.
 */
export function parseProse(source: SourceLine[]): ParsedProse {
  const lines = readLines(source);
  const inList = listLines(lines);
  const passages: Passage[] = [];
  const skipped: SkippedLine[] = [];
  let section: string | null = null;
  let open: { passage: Passage; kind: OpenKind; last: Line } | null = null;

  const start = (l: Line, kind: OpenKind) => {
    const passage = { section, text: l.text, line: l.line, lines: [l.line] };
    passages.push(passage);
    open = { passage, kind, last: l };
  };
  const append = (l: Line, kind: OpenKind, separator = "\n") => {
    open!.passage.text += `${separator}${l.text}`;
    open!.passage.lines.push(l.line);
    open = { ...open!, kind, last: l };
  };

  lines.forEach((l, i) => {
    if (l.chrome) {
      skipped.push({ line: l.line, role: l.chrome, text: l.text });
      return;
    }
    const o = open as { passage: Passage; kind: OpenKind; last: Line } | null;
    const lowerCase = /^\p{Ll}/u.test(l.text);
    const unfinished = o !== null && !SENTENCE_END.test(o.last.text) && !o.last.text.endsWith(":");
    const next = nextContent(lines, i);

    if (inList.has(l.line)) {
      const previousItem = o?.kind === "list";
      if (previousItem && !l.marker) return append(l, "list", " "); // an item cut by the layout
      if (previousItem || (o && l.gap <= 1 && o.kind !== "items")) return append(l, "list");
      return start(l, "list");
    }
    if (o && lowerCase && unfinished && l.gap === 0) return append(l, o.kind, " ");
    // What a lead-in announces or a question asks follows it, unless it is another lead-in or question.
    if (o && (o.kind === "lead-in" || o.kind === "question") && l.gap <= 1 && !ANNOUNCES.test(l.text)) {
      const short = l.text.length <= HEADING_MAX && !SENTENCE_END.test(l.text);
      return append(l, o.kind === "lead-in" && short ? "items" : "paragraph");
    }
    if (o?.kind === "items" && l.gap === 0 && l.text.length <= HEADING_MAX && !l.text.endsWith(":")) return append(l, "items");

    if (l.text.endsWith(":")) return start(l, "lead-in");
    if (ASKS.test(l.text) && l.text.length <= QUESTION_MAX) return start(l, "question");
    if (l.text.length <= HEADING_MAX && !SENTENCE_END.test(l.text)) {
      // A short line right above a list introduces it ("La feuille de route s'organise autour de sept axes").
      if (next && inList.has(next.line) && next.gap === 0) return start(l, "lead-in");
      section = l.text;
      open = null;
      skipped.push({ line: l.line, role: "heading", text: l.text });
      return;
    }
    return start(l, "paragraph");
  });
  return { passages, skipped };
}

function readLines(source: SourceLine[]): Line[] {
  const out: Line[] = [];
  let gap = 0;
  for (const s of source) {
    const text = cleanText(s.text);
    if (!text) {
      gap++;
      continue;
    }
    const chrome = isChrome(text) ? "chrome" : isCaption(text) ? "caption" : null;
    out.push({ line: s.line, text, gap: out.length ? gap : 0, marker: chrome ? null : listMarker(text), chrome });
    gap = 0;
  }
  return out;
}

function nextContent(lines: Line[], i: number): Line | undefined {
  return lines.slice(i + 1).find((l) => !l.chrome);
}

/**
 * The source lines that belong to lists. A run is made of marked lines, possibly apart by blank
 * lines or chrome, and of the lower-case lines that continue an unfinished item. In a run, a
 * bullet is always an item; a numbered or labelled line only when another line of the run is
 * marked alike: "Axe 1 : Gouvernance" followed by a paragraph is that paragraph's heading.
 */
function listLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const content = lines.filter((l) => !l.chrome);
  let i = 0;
  while (i < content.length) {
    if (!content[i]!.marker) {
      i++;
      continue;
    }
    const run: Line[] = [];
    let j = i;
    for (; j < content.length; j++) {
      const l = content[j]!;
      const continues = !l.marker && run.length > 0 && l.gap === 0 && /^\p{Ll}/u.test(l.text) && !SENTENCE_END.test(run.at(-1)!.text);
      if (!l.marker && !continues) break;
      run.push(l);
    }
    const families = new Map<string, number>();
    for (const l of run) if (l.marker) families.set(l.marker.family, (families.get(l.marker.family) ?? 0) + 1);
    let itemBefore = false;
    for (const l of run) {
      const item: boolean = l.marker ? l.marker.alwaysItem || families.get(l.marker.family)! >= 2 : itemBefore;
      if (item) out.add(l.line);
      itemBefore = item;
    }
    i = j;
  }
  return out;
}
