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
    const index = await openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings, embedder: info, log: silentLogger });
    const job = JSON.stringify({ corpusDir: CORPUS_DIR, indexDir, question: "c'est quoi l'ApCV ?" });
    const { stdout } = await run(process.execPath, ["--import", "tsx", "bench/cold-phases.ts", job], { cwd: ROOT });
    const result = ColdPhases.parse(JSON.parse(stdout.trim().split("\n").at(-1)!));
    // Every step of loadIndex, in its order, then the pipeline and two asks.
    expect(result.phases.map((p) => p.name).filter((n) => !n.startsWith("import "))).toEqual([
      "loadConfig",
      "fingerprintCorpus (hash of the corpus files)",
      "manifest.json (read, zod)",
      "checksums (sha256 of every index file)",
      "corpus.json: read + JSON.parse",
      "chunks.json: read + JSON.parse",
      "keywords.json: KeywordIndex.fromJSON",
      "vectors: HnswStore.load (JSON, zod, hnswlib read)",
      "createAnswerPipeline (retriever tables)",
      "first ask (cold code)",
      "second ask (same question, warm)",
    ]);
    // The same index as loadIndex gives, answering as the real pipeline does, cold and warm alike.
    expect(result.loaded).toEqual({ chunks: index.chunks.length, vectors: index.vectors.size });
    expect(result.answers[0]).toContain("fdr-2023-2027#action-13");
    expect(result.answers[1]).toEqual(result.answers[0]);
  });
});
