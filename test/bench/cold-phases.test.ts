import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ColdPhases } from "../../bench/schema.js";
import { silentLogger } from "../../src/config/log.js";
import { localEmbedder } from "../../src/index/embedder.js";
import { openIndex } from "../../src/index/open.js";
import { CORPUS_DIR } from "../support/pipeline.js";

const ROOT = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe("bench/cold-phases.ts", () => {
  it("loads a built index the way loadIndex does, phase by phase, and answers", async () => {
    const { embeddings, info } = localEmbedder();
    const indexDir = join(mkdtempSync(join(tmpdir(), "fdr-phases-")), "index");
    await openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings, embedder: info, log: silentLogger });
    const job = JSON.stringify({ corpusDir: CORPUS_DIR, indexDir, question: "c'est quoi l'ApCV ?" });
    const { stdout } = await run(process.execPath, ["--import", "tsx", "bench/cold-phases.ts", job], { cwd: ROOT });
    const { phases } = ColdPhases.parse(JSON.parse(stdout.trim().split("\n").at(-1)!));
    expect(phases.map((p) => p.name)).toContain("vectors: HnswStore.load (JSON, zod, hnswlib read)");
    expect(phases.at(-1)!.name).toBe("second ask (same question, warm)");
    for (const p of phases) expect(p.ms, p.name).toBeGreaterThanOrEqual(0);
  });
});
