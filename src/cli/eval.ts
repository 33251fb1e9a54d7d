import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Answer } from "../answer/schema.js";
import { loadDataset } from "../eval/dataset.js";
import { splitMarkdown } from "../eval/report.js";
import { applicable, evaluate, type SplitReport } from "../eval/run.js";
import { gateFailures, loadThresholds } from "../eval/thresholds.js";

const PUBLIC = "evals/dataset.jsonl";
const HELDOUT = "evals/heldout.jsonl";
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
export async function evalCommand(argv: readonly string[], open: (mode: Answer["mode"]) => Promise<AnswerPipeline>, io: EvalIo = process): Promise<number> {
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
  for (const [name, file] of splits) {
    const { items: all, problems } = loadDataset(resolve(file));
    for (const p of problems) io.stderr.write(`${file}:${p.line}: skipped: ${p.message}\n`);
    const { items, skipped } = applicable(all, pipeline.index.corpus);
    for (const i of skipped) io.stderr.write(`${file}: ${i.id} left out: the corpus now holds ${i.assumes_absent.join(", ")}\n`);
    reports[name] = await evaluate(items, pipeline);
  }

  const main = reports[splits[0]![0]]!;
  const failures = gateFailures(main.overall, loadThresholds(resolve("evals/thresholds.json")));
  const markdown = [
    `# fdr-santé evaluation (${values.mode})`,
    "",
    `Corpus ${pipeline.describe().corpusHash.slice(0, 12)}, embedder ${pipeline.describe().embedder}. Gate on the ${splits[0]![0]} split: ${failures.length ? `FAILS — ${failures.join("; ")}` : "passes"}.`,
    "",
    ...Object.entries(reports).map(([name, r]) => splitMarkdown(name === "heldout" ? "Held-out split (measured, never tuned on)" : name === "public" ? "Public split" : name, r)),
  ].join("\n");
  const report = values.report ?? (values.dataset ? undefined : DEFAULT_REPORT);
  if (report) writeFileSync(resolve(report), markdown);

  if (values.json) {
    const { misses: _misses, ...rest } = main;
    const heldout = reports.heldout ? { overall: reports.heldout.overall, by_kind: reports.heldout.by_kind, baseline: reports.heldout.baseline, n: reports.heldout.n } : undefined;
    io.stdout.write(`${JSON.stringify({ ...rest, mode: values.mode, ...(heldout ? { heldout } : {}), gate: { passed: failures.length === 0, failures } })}\n`);
  } else {
    io.stdout.write(`${markdown}\n${report ? `Report written to ${report}.` : "No report file written (--report FILE writes one)."}\n`);
  }
  return 0;
}
