import { CorpusError } from "./errors.js";
import { simplify, terms } from "../language/french.js";
import type { Action, Group, Measure, Passage, Structure } from "./schema.js";
import type { SourceLine } from "./source-text.js";
import type { ParsedRoadmap } from "./parse-lines.js";

type SectionsStructure = Extract<Structure, { layout: "sections" }>;
type SectionsGroup = SectionsStructure["groups"][number];

const LIST_ITEM = /^-\s*(\d+)\s*[.)]\s+(.+)$/;
/** "ACTION 14 – CYBER Élaborer …": the number, an optional upper-case tag, the title. */
const ACTION_PREFIX = /^ACTION\s+(\d+)\s*(?:[–—-]\s*\p{Lu}[\p{Lu}\d'’ ]*?\s+(?=\p{Lu}\p{Ll}))?(.*)$/u;
const PART_SUFFIX = /\s*\(\s*\d+\s*\/\s*\d+\s*\)\s*$/;
/** Share of words two titles must have in common to be the same heading. */
const SAME_TITLE = 0.75;

/** Text as displayed: the source's markdown emphasis is dropped. */
export function cleanText(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
}

/**
 * A roadmap laid out in sections: each group (axis) opens with its heading and a numbered list of
 * its actions ("- N. title", the authority for numbers and titles); then each action has a
 * heading (with or without "ACTION N", possibly split in parts "(1/2)") followed by its measures,
 * written as title/description pairs.
 */
export function parseSectionsRoadmap(
  file: string,
  lines: SourceLine[],
  structure: SectionsStructure,
): ParsedRoadmap {
  const content = lines.filter((l) => l.text.trim());
  const starts = locateGroups(file, content, structure.groups);
  const passages: Passage[] = [];
  const intro = content.filter((l) => l.line < starts[0]!);
  if (intro.length) passages.push(passageOf(null, dedupe(intro)));

  const groups: Group[] = [];
  const actions: Action[] = [];
  structure.groups.forEach((group, gi) => {
    const region = content.filter((l) => l.line >= starts[gi]! && (gi + 1 >= starts.length || l.line < starts[gi + 1]!));
    const parsed = parseGroup(file, region, group);
    groups.push(parsed.group);
    actions.push(...parsed.actions);
    if (parsed.passage) passages.push(parsed.passage);
  });
  return { groups, actions, passages };
}

function locateGroups(file: string, content: SourceLine[], groups: readonly SectionsGroup[]): number[] {
  const starts: number[] = [];
  let from = 0;
  for (const g of groups) {
    const key = simplify(g.heading).trim();
    const idx = content.findIndex((l, i) => i >= from && simplify(l.text).trim() === key);
    if (idx < 0) {
      const after = content[from]?.line ?? content.at(-1)?.line ?? 1;
      throw new CorpusError(file, after, `heading "${g.heading}" of ${g.title} (group ${g.number} of the structure file) not found from this line on`);
    }
    starts.push(content[idx]!.line);
    from = idx + 1;
  }
  return starts;
}

function parseGroup(
  file: string,
  region: SourceLine[],
  group: SectionsGroup,
): { group: Group; actions: Action[]; passage: Passage | null } {
  const heading = region[0]!;
  const listIdx = region.findIndex((l) => LIST_ITEM.test(l.text.trim()));
  if (listIdx < 0) throw new CorpusError(file, heading.line, `no numbered list "- N. title" under the heading "${group.heading}"`);

  let end = listIdx;
  const listed: { number: number; title: string; line: number }[] = [];
  while (end < region.length) {
    const m = LIST_ITEM.exec(region[end]!.text.trim());
    if (!m) break;
    listed.push({ number: Number(m[1]), title: cleanText(m[2]!), line: region[end]!.line });
    end++;
  }
  const [first, last] = group.actions;
  listed.forEach((item, i) => {
    if (item.number !== first + i || item.number > last) {
      throw new CorpusError(file, item.line, `list item ${item.number} where the structure expects action ${first + i <= last ? first + i : "none"} (${group.title}: actions ${first}-${last})`);
    }
  });
  if (listed.length !== last - first + 1) {
    throw new CorpusError(file, listed.at(-1)!.line, `the list of ${group.title} stops at action ${listed.at(-1)!.number}; the structure expects actions ${first}-${last}`);
  }

  const headingKey = simplify(group.heading).trim();
  const preamble = dedupe(region.slice(1, listIdx)).filter((l) => simplify(l.text).trim() !== headingKey);
  const subtitle = preamble[0] ? cleanText(preamble[0].text) : null;
  const subtitleKey = subtitle ? simplify(subtitle) : null;

  const sections = splitActions(file, region.slice(end), listed, group);
  const actions: Action[] = listed.map((item) => {
    const section = sections.get(item.number);
    if (!section) throw new CorpusError(file, item.line, `action ${item.number} is listed here but no section heading for it was found`);
    const body = section.body.filter((l) => {
      const k = simplify(l.text).trim();
      return k !== headingKey && k !== subtitleKey;
    });
    return { number: item.number, title: item.title, group: group.number, measures: pairMeasures(body), line: section.line };
  });

  const orphan = sections.get(0);
  const passageLines = [...preamble, ...(orphan?.body ?? [])];
  const passage = passageLines.length ? passageOf(group.title, passageLines) : null;
  return {
    group: { number: group.number, title: group.title, short: group.short ?? null, titleEn: group.title_en ?? null, subtitle, actions: listed.map((l) => l.number) },
    actions,
    passage,
  };
}

interface Section {
  line: number;
  heading: string;
  body: SourceLine[];
}

/** Cuts the lines after the list into action sections; key 0 holds lines before the first heading. */
function splitActions(
  file: string,
  lines: SourceLine[],
  listed: { number: number; title: string }[],
  group: SectionsGroup,
): Map<number, Section> {
  const sections = new Map<number, Section>();
  let current: Section = { line: lines[0]?.line ?? 1, heading: "", body: [] };
  sections.set(0, current);
  let currentNumber = 0;

  for (const l of lines) {
    const text = l.text.trim();
    const prefixed = ACTION_PREFIX.exec(text);
    let number: number | null = null;
    let title = text.replace(PART_SUFFIX, "");
    if (prefixed) {
      number = Number(prefixed[1]);
      title = prefixed[2]!.replace(PART_SUFFIX, "");
      if (!listed.some((a) => a.number === number)) {
        throw new CorpusError(file, l.line, `heading of action ${number} inside ${group.title}, whose list holds actions ${group.actions[0]}-${group.actions[1]}`);
      }
    } else if (currentNumber && sameTitle(title, current.heading) && PART_SUFFIX.test(text)) {
      number = currentNumber; // "(2/2)": the next part of the open action
    } else {
      number = listed.find((a) => !sections.has(a.number) && sameTitle(title, a.title))?.number ?? null;
    }
    if (number === null) {
      current.body.push(l);
      continue;
    }
    const existing = sections.get(number);
    if (existing) {
      current = existing;
    } else {
      current = { line: l.line, heading: title, body: [] };
      sections.set(number, current);
    }
    currentNumber = number;
  }
  if (!sections.get(0)!.body.length) sections.delete(0);
  return sections;
}

function sameTitle(a: string, b: string): boolean {
  const ta = new Set(terms(a));
  const tb = new Set(terms(b));
  if (!ta.size || !tb.size) return false;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(ta.size, tb.size) >= SAME_TITLE;
}

/**
 * Measures are a short title followed by a one-line description. A description ends with a
 * full stop or follows its title after a single blank line; a sentence with no title before it
 * is an untitled measure; a title followed by another title has no description.
 */
function pairMeasures(body: SourceLine[]): Measure[] {
  const measures: Measure[] = [];
  let pending: Measure | null = null;
  let previousLine = 0;
  for (const l of body) {
    const text = cleanText(l.text);
    const gap = previousLine ? l.line - previousLine - 1 : Infinity;
    previousLine = l.line;
    const sentence = /[.!?]$/.test(text);
    if (pending && (sentence || gap <= 1)) {
      pending.text = text;
      measures.push(pending);
      pending = null;
    } else if (sentence) {
      if (pending) measures.push(pending);
      pending = null;
      measures.push({ title: null, text, line: l.line });
    } else {
      if (pending) measures.push(pending);
      pending = { title: text, text: null, line: l.line };
    }
  }
  if (pending) measures.push(pending);
  return measures;
}

function passageOf(section: string | null, lines: SourceLine[]): Passage {
  return { section, text: lines.map((l) => cleanText(l.text)).join("\n"), line: lines[0]!.line, lines: lines.map((l) => l.line) };
}

function dedupe(lines: SourceLine[]): SourceLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const k = simplify(l.text).trim();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
