import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { evalCommand } from "../../src/cli/eval.js";
import { CORPUS_DIR, realPipeline } from "../support/pipeline.js";

const TRACKED_REPORT = resolve(import.meta.dirname, "../../evals/report.md");

function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _encoding, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  out.text = "";
  return out;
}

/** Two lines in the dataset format, from the public split. */
function smallDataset(dir: string): string {
  const file = join(dir, "small.jsonl");
  const lines = readFileSync(resolve(import.meta.dirname, "../../evals/dataset.jsonl"), "utf8").split("\n").filter(Boolean).slice(0, 2);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("npm run eval -- --dataset FILE", () => {
  it("writes no report without --report: the tracked evals/report.md is left as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fdr-eval-"));
    const before = { text: readFileSync(TRACKED_REPORT, "utf8"), mtime: statSync(TRACKED_REPORT).mtimeMs };
    const stdout = sink();
    const code = await evalCommand(["--dataset", smallDataset(dir), "--json"], () => realPipeline(), CORPUS_DIR, { stdout, stderr: sink() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text)).toMatchObject({ n: 2, mode: "extractive" });
    expect(readFileSync(TRACKED_REPORT, "utf8")).toBe(before.text);
    expect(statSync(TRACKED_REPORT).mtimeMs).toBe(before.mtime);
  });

  it("writes its report where --report says, and only there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fdr-eval-"));
    const before = statSync(TRACKED_REPORT).mtimeMs;
    const report = join(dir, "report.md");
    const stdout = sink();
    await evalCommand(["--dataset", smallDataset(dir), "--report", report], () => realPipeline(), CORPUS_DIR, { stdout, stderr: sink() });
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, "utf8")).toMatch(/^# fdr-santé evaluation \(extractive\)\n/);
    expect(stdout.text).toContain(`Report written to ${report}.`);
    expect(statSync(TRACKED_REPORT).mtimeMs).toBe(before);
  });
});
