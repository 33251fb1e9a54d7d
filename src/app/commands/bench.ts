import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "../../../bench/child.js";
import { renderMarkdown, renderText } from "../../../bench/report.js";
import { DEFAULT_OPTIONS, runBench } from "../../../bench/run.js";
import { run } from "../run.js";

const USAGE = `usage: npm run bench -- [--quick] [--json] [--seed N]
  measures ingest, cold and warm answers, the Slack app under 50 concurrent events, memory, and
  growth on synthetic corpora ×10 and ×100, against brute-force and BM25 baselines; writes bench/report.md
  --quick  fewer repetitions and ×10 only (CI)
  --json   one JSON object on stdout (logs stay on stderr)`;

run(async () => {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = values.seed === undefined ? DEFAULT_OPTIONS.seed : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`--seed must be a whole number\n${USAGE}\n`);
    return 1;
  }
  const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
  const result = await runBench({ ...DEFAULT_OPTIONS, quick: values.quick, seed, log });
  const findings = readFileSync(resolve(ROOT, "bench/findings.md"), "utf8");
  writeFileSync(resolve(ROOT, "bench/report.md"), renderMarkdown(result, findings));
  log("report written to bench/report.md");
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${renderText(result)}\n`);
  return result.errors.length ? 2 : 0;
});
