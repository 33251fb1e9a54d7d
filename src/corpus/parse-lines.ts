import { CorpusError } from "./errors.js";
import type { Action, Group, Passage, Structure } from "./schema.js";
import type { SourceLine } from "./source-text.js";
import { announcedActions } from "./group-ranges.js";

export interface ParsedRoadmap {
  groups: Group[];
  actions: Action[];
  passages: Passage[];
}

type LinesStructure = Extract<Structure, { layout: "lines" }>;

/**
 * A roadmap written one action per line: every non-empty line from `first_action_line` on is an
 * action, numbered in order; the lines before are the introduction. The groups and their action
 * ranges come from the structure file, since the text does not carry them.
 */
export function parseLinesRoadmap(file: string, lines: SourceLine[], structure: LinesStructure): ParsedRoadmap {
  const expected = announcedActions(structure.groups);
  const intro = lines.filter((l) => l.line < structure.first_action_line && l.text.trim());
  const actionLines = lines.filter((l) => l.line >= structure.first_action_line && l.text.trim());

  if (actionLines.length !== expected) {
    const where = actionLines[expected] ?? actionLines.at(-1) ?? lines.at(-1)!;
    throw new CorpusError(
      file,
      where.line,
      `the structure announces ${expected} actions (one per line from line ${structure.first_action_line}), the file has ${actionLines.length}`,
    );
  }

  const actions: Action[] = actionLines.map((l, i) => {
    const number = i + 1;
    const group = structure.groups.find((g) => number >= g.actions[0] && number <= g.actions[1])!;
    return { number, title: l.text.trim(), group: group.number, measures: [], line: l.line };
  });

  const groups: Group[] = structure.groups.map((g) => ({
    number: g.number,
    title: g.title,
    short: g.short ?? null,
    titleEn: g.title_en ?? null,
    subtitle: null,
    actions: actions.filter((a) => a.group === g.number).map((a) => a.number),
  }));

  const passages: Passage[] = intro.length
    ? [{ section: null, text: intro.map((l) => l.text.trim()).join("\n"), line: intro[0]!.line, lines: intro.map((l) => l.line) }]
    : [];
  return { groups, actions, passages };
}
