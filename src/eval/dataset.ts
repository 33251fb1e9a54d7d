import { readFileSync } from "node:fs";
import { z } from "zod";

export const Kind = z.enum(["lookup", "paraphrase", "acronym", "structural", "cross", "regional", "english", "sloppy", "out_of_scope"]);
export type Kind = z.infer<typeof Kind>;

const CitationIdPattern = /^[a-z0-9-]+(#action-\d+)?$/;

export const EvalItem = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    lang: z.enum(["fr", "en"]),
    kind: Kind,
    expected: z.array(z.string().regex(CitationIdPattern, "not a citation ID")),
    match: z.enum(["any", "all"]),
    must_mention: z.array(z.string().min(1)).default([]),
    notes: z.string().default(""),
    /** Who wrote the question, from which brief: generated sets keep it, to split folds honestly. */
    provenance: z.object({ writer: z.string().min(1), brief: z.string().min(1), register: z.string().min(1).optional() }).strict().optional(),
    /**
     * Names whose absence from the corpus makes this question unanswerable ("ARS Occitanie"): when a
     * document added later carries one (title, label, region or alias), the question no longer
     * tests a refusal and is left out of the figures.
     */
    assumes_absent: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((i) => (i.kind === "out_of_scope") === (i.expected.length === 0), "out_of_scope questions, and only they, have expected: []");
export type EvalItem = z.infer<typeof EvalItem>;

export interface DatasetProblem {
  line: number;
  message: string;
}

/** Parses a JSONL dataset. A malformed line is reported with its number and skipped, never counted. */
export function parseDataset(text: string): { items: EvalItem[]; problems: DatasetProblem[] } {
  const items: EvalItem[] = [];
  const problems: DatasetProblem[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, message: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const parsed = EvalItem.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ line, message: `${issue.path.join(".") || "line"}: ${issue.message}` });
      return;
    }
    if (ids.has(parsed.data.id)) {
      problems.push({ line, message: `duplicate id ${parsed.data.id}` });
      return;
    }
    ids.add(parsed.data.id);
    items.push(parsed.data);
  });
  return { items, problems };
}

export function loadDataset(file: string): { items: EvalItem[]; problems: DatasetProblem[] } {
  return parseDataset(readFileSync(file, "utf8"));
}
