import type { Metrics } from "./metrics.js";
import type { SplitReport } from "./run.js";

const METRICS: (keyof Metrics)[] = [
  "recall_at_1", "recall_at_5", "mrr", "answer_recall", "citation_precision", "citation_validity", "must_mention", "refusal_accuracy", "false_refusal_rate",
];

const f = (v: number | null | undefined): string => (typeof v === "number" ? v.toFixed(3) : "–");

function delta(a: number | null, b: number | null): string {
  if (typeof a !== "number" || typeof b !== "number") return "–";
  const d = a - b;
  return `${d >= 0 ? "+" : ""}${d.toFixed(3)}`;
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** One split as markdown: system against the keyword baseline, then the metrics per kind of question. */
export function splitMarkdown(title: string, r: SplitReport): string {
  const overall = table(
    ["metric", "fdr-santé", "BM25 baseline", "Δ"],
    METRICS.map((m) => [m, f(r.overall[m]), f(r.baseline.overall[m]), delta(r.overall[m], r.baseline.overall[m])]),
  );
  const kinds = table(
    ["kind", "n", "R@1", "R@5", "MRR", "answer recall", "citation precision", "must mention", "refusal acc.", "false refusal", "baseline R@5"],
    Object.entries(r.by_kind).map(([k, m]) => [
      k, String(m!.n), f(m!.recall_at_1), f(m!.recall_at_5), f(m!.mrr), f(m!.answer_recall), f(m!.citation_precision),
      f(m!.must_mention), f(m!.refusal_accuracy), f(m!.false_refusal_rate), f(r.baseline.by_kind[k as keyof typeof r.by_kind]?.recall_at_5),
    ]),
  );
  const misses = r.misses.length
    ? r.misses.map((m) => `- ${m.id} (${m.kind}) « ${m.question} » — expected ${m.expected.join(", ") || "refusal"}; cited ${m.cited.join(", ") || (m.refused ? "refused" : "nothing")}`).join("\n")
    : "none";
  return `## ${title} (${r.n} questions)\n\nLatency per question: p50 ${r.latency_ms.p50} ms, p95 ${r.latency_ms.p95} ms.\n\n${overall}\n\n### By kind\n\n${kinds}\n\n### Misses\n\n${misses}\n`;
}
