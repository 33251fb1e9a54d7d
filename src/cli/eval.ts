import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, secretsOf } from "../config/env.js";
import { createLogger } from "../config/log.js";
import { loadDataset } from "../eval/dataset.js";
import { splitMarkdown } from "../eval/report.js";
import { applicable, evaluate, type SplitReport } from "../eval/run.js";
import { gateFailures, loadThresholds } from "../eval/thresholds.js";
import { openPipeline } from "./open-pipeline.js";
import { run } from "./run.js";

const PUBLIC = "evals/dataset.jsonl";
const HELDOUT = "evals/heldout.jsonl";

run(async () => {
  const { values } = parseArgs({
    options: {
      dataset: { type: "string" },
      json: { type: "boolean", default: false },
      mode: { type: "string", default: "extractive" },
      report: { type: "string", default: "evals/report.md" },
    },
  });
  if (values.mode !== "extractive" && values.mode !== "llm") throw new Error(`--mode must be extractive or llm, not ${values.mode}`);
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, { secrets: secretsOf(config) });
  const pipeline = await openPipeline(config, log, { mode: values.mode });

  const splits: [string, string][] = values.dataset ? [["dataset", values.dataset]] : [["public", PUBLIC], ["heldout", HELDOUT]];
  const reports: Record<string, SplitReport> = {};
  for (const [name, file] of splits) {
    const { items: all, problems } = loadDataset(resolve(file));
    for (const p of problems) process.stderr.write(`${file}:${p.line}: skipped: ${p.message}\n`);
    const { items, skipped } = applicable(all, pipeline.index.corpus);
    for (const i of skipped) process.stderr.write(`${file}: ${i.id} left out: the corpus now holds ${i.assumes_absent.join(", ")}\n`);
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
  writeFileSync(resolve(values.report), markdown);

  if (values.json) {
    const { misses: _misses, ...rest } = main;
    const heldout = reports.heldout ? { overall: reports.heldout.overall, by_kind: reports.heldout.by_kind, baseline: reports.heldout.baseline, n: reports.heldout.n } : undefined;
    process.stdout.write(`${JSON.stringify({ ...rest, mode: values.mode, ...(heldout ? { heldout } : {}), gate: { passed: failures.length === 0, failures } })}\n`);
  } else {
    process.stdout.write(`${markdown}\nReport written to ${values.report}.\n`);
  }
  return 0;
});
