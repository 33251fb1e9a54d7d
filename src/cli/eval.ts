import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Answer } from "../answer/schema.js";
import { loadDataset } from "../eval/dataset.js";
import { splitMarkdown } from "../eval/report.js";
import { applicable, evaluate, type SplitReport } from "../eval/run.js";
import { corpusWithNewDocuments } from "../eval/new-documents.js";
import { gateFailures, loadThresholds } from "../eval/thresholds.js";

const PUBLIC = "evals/dataset.jsonl";
const HELDOUT = "evals/heldout.jsonl";
/** Questions about documents added the way an operator adds them, and those documents. */
const NEW_DOCUMENTS = "evals/new-documents.jsonl";
const NEW_DOCUMENTS_SPEC = "evals/new-documents/documents.json";
const TITLES: Record<string, string> = {
  public: "Public split",
  heldout: "Held-out split (measured, never tuned on)",
  "new-documents": "New documents: three regional pages added as an operator adds them (no enrichment)",
  "public-with-new-documents": "Public split, on the corpus with the three new documents",
};

/** The tracked report of the two reference splits: only a run on them writes it by default. */
const DEFAULT_REPORT = "evals/report.md";

export interface EvalIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `npm run eval`: the public and held-out splits (or `--dataset FILE`), the gate on the first,
 * a Markdown report. The report goes to `--report`; without it, to evals/report.md for the
 * reference splits only, never for another dataset (that would overwrite the tracked report).
 */
export async function evalCommand(
  argv: readonly string[],
  /** The pipeline on the configured corpus, or on another corpus folder (indexed apart). */
  open: (mode: Answer["mode"], corpusDir?: string) => Promise<AnswerPipeline>,
  corpusDir: string,
  io: EvalIo = process,
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: "string" },
      json: { type: "boolean", default: false },
      mode: { type: "string", default: "extractive" },
      report: { type: "string" },
    },
  });
  if (values.mode !== "extractive" && values.mode !== "llm") throw new Error(`--mode must be extractive or llm, not ${values.mode}`);
  const pipeline = await open(values.mode);

  const splits: [string, string][] = values.dataset ? [["dataset", values.dataset]] : [["public", PUBLIC], ["heldout", HELDOUT]];
  const reports: Record<string, SplitReport> = {};
  const run = async (name: string, file: string, on: AnswerPipeline) => {
    const { items: all, problems } = loadDataset(resolve(file));
    for (const p of problems) io.stderr.write(`${file}:${p.line}: skipped: ${p.message}\n`);
    const { items, skipped } = applicable(all, on.index.corpus);
    for (const i of skipped) io.stderr.write(`${file}: ${i.id} left out (${name}): the corpus now holds ${i.assumes_absent.join(", ")}\n`);
    reports[name] = await evaluate(items, on);
  };
  for (const [name, file] of splits) await run(name, file, pipeline);
  if (!values.dataset) {
    // Three documents added as an operator adds them: answered from, and the public gate unchanged.
    const extended = await open(values.mode, corpusWithNewDocuments(corpusDir, resolve(NEW_DOCUMENTS_SPEC)));
    await run("new-documents", NEW_DOCUMENTS, extended);
    await run("public-with-new-documents", PUBLIC, extended);
  }

  const main = reports[splits[0]![0]]!;
  const thresholds = loadThresholds(resolve("evals/thresholds.json"));
  const failures = [
    ...gateFailures(main.overall, thresholds),
    ...(reports["public-with-new-documents"] ? gateFailures(reports["public-with-new-documents"].overall, thresholds).map((f) => `with the new documents: ${f}`) : []),
    ...(reports["new-documents"] && thresholds.new_documents ? gateFailures(reports["new-documents"].overall, thresholds.new_documents).map((f) => `new documents: ${f}`) : []),
  ];
  const markdown = [
    `# fdr-santé evaluation (${values.mode})`,
    "",
    `Corpus ${pipeline.describe().corpusHash.slice(0, 12)}, embedder ${pipeline.describe().embedder}. Gate on the ${splits[0]![0]} split: ${failures.length ? `FAILS — ${failures.join("; ")}` : "passes"}.`,
    "",
    ...Object.entries(reports).map(([name, r]) => splitMarkdown(TITLES[name] ?? name, r)),
  ].join("\n");
  const report = values.report ?? (values.dataset ? undefined : DEFAULT_REPORT);
  if (report) writeFileSync(resolve(report), markdown);

  if (values.json) {
    const { misses: _misses, ...rest } = main;
    const brief = (r: SplitReport | undefined) => (r ? { overall: r.overall, by_kind: r.by_kind, baseline: r.baseline, n: r.n } : undefined);
    const others = {
      heldout: brief(reports.heldout),
      new_documents: brief(reports["new-documents"]),
      public_with_new_documents: brief(reports["public-with-new-documents"]),
    };
    io.stdout.write(`${JSON.stringify({ ...rest, mode: values.mode, ...JSON.parse(JSON.stringify(others)), gate: { passed: failures.length === 0, failures } })}\n`);
  } else {
    io.stdout.write(`${markdown}\n${report ? `Report written to ${report}.` : "No report file written (--report FILE writes one)."}\n`);
  }
  return 0;
}
