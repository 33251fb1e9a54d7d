import { z } from "zod";

export const Citation = z.object({
  /** Citation ID: `doc` or `doc#action-N`. */
  id: z.string(),
  /** Readable: "Feuille de route 2023-2027 · Axe Cadre propice · Action 14 › Exercices". */
  label: z.string(),
});
export type Citation = z.infer<typeof Citation>;

/** One sentence of the answer and the citations (1-based, into `citations`) that back it. */
export const Statement = z.object({ text: z.string(), cites: z.array(z.number().int().positive()) });
export type Statement = z.infer<typeof Statement>;

export const AnswerKind = z.enum(["search", "structural", "compare", "refusal", "help"]);

export const Answer = z.object({
  question: z.string(),
  lang: z.enum(["fr", "en"]),
  kind: AnswerKind,
  /** The answer as text, each statement followed by its citation markers [n]. */
  answer: z.string(),
  statements: z.array(Statement),
  citations: z.array(Citation),
  retrieved: z.array(z.object({ id: z.string(), score: z.number() })),
  refused: z.boolean(),
  mode: z.enum(["extractive", "llm"]),
  fallback_reason: z.string().optional(),
  /** The standalone question actually searched, when a follow-up was rewritten. */
  standalone_question: z.string().optional(),
  timings_ms: z.object({ retrieval: z.number(), answer: z.number(), total: z.number() }),
});
export type Answer = z.infer<typeof Answer>;

export const Turn = z.object({
  role: z.enum(["user", "assistant"]),
  text: z.string(),
  /** For assistant turns: the citation IDs it gave, in order. */
  citations: z.array(z.string()).default([]),
});
export type Turn = z.infer<typeof Turn>;

export function renderStatements(statements: readonly Statement[]): string {
  return statements
    .map((s) => (s.cites.length ? `${s.text} ${s.cites.map((n) => `[${n}]`).join("")}` : s.text))
    .join("\n");
}
