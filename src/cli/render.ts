import type { Answer } from "../answer/schema.js";

/** The answer for a terminal: the text with its markers, then the numbered sources. */
export function renderForTerminal(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.citations.length) {
    lines.push("", answer.lang === "en" ? "Sources:" : "Sources :");
    answer.citations.forEach((c, i) => lines.push(`  [${i + 1}] ${c.label}  (${c.id})`));
  }
  if (answer.fallback_reason) lines.push("", `(${answer.fallback_reason})`);
  return lines.join("\n");
}

/** The machine contract of `ask --json`. */
export function answerJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({ id: c.id, label: c.label })),
    retrieved: answer.retrieved,
    refused: answer.refused,
    mode: answer.mode,
    ...(answer.fallback_reason ? { fallback_reason: answer.fallback_reason } : {}),
    ...(answer.standalone_question ? { standalone_question: answer.standalone_question } : {}),
    lang: answer.lang,
    kind: answer.kind,
    timings_ms: answer.timings_ms,
  };
}
