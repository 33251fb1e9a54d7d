import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../../src/config/log.js";
import { fingerprintCorpus } from "../../src/corpus/load.js";
import { CHUNKS_FILE, CORPUS_FILE, KEYWORDS_FILE, MANIFEST_FILE, sha256File } from "../../src/index/build.js";
import { localEmbedder } from "../../src/index/embedder.js";
import { DOCS_FILE, HNSW_FILE, ROWS_FILE } from "../../src/index/hnsw-store.js";
import { INDEX_FORMAT } from "../../src/index/index-manifest.js";
import { ANALYSIS_ID } from "../../src/language/french.js";
import { IndexUnusable, loadIndex, openIndex } from "../../src/index/open.js";
import { CORPUS_DIR } from "../support/pipeline.js";

interface Line {
  level: string;
  msg: string;
  reason?: string;
  chunks?: number;
  [k: string]: unknown;
}

function recorder(): { log: Logger; lines: Line[] } {
  const lines: Line[] = [];
  return { log: createLogger("debug", { write: (l) => lines.push(JSON.parse(l) as Line) }), lines };
}

const { embeddings, info } = localEmbedder();

/** A private copy of the corpus (some tests edit it) and a place for its index. */
function workspace(): { corpusDir: string; indexDir: string } {
  const root = mkdtempSync(join(tmpdir(), "fdr-open-"));
  cpSync(CORPUS_DIR, join(root, "corpus"), { recursive: true });
  return { corpusDir: join(root, "corpus"), indexDir: join(root, "index") };
}

async function open(ws: { corpusDir: string; indexDir: string }, log: Logger, embedder = info) {
  return openIndex({ ...ws, embeddings, embedder, log });
}

/** An index already built in its own workspace; each test damages a fresh copy of it. */
let built: { corpusDir: string; indexDir: string; chunks: number; index: Awaited<ReturnType<typeof open>> };

beforeAll(async () => {
  const ws = workspace();
  const index = await open(ws, createLogger("silent"));
  built = { ...ws, chunks: index.chunks.length, index };
});

function copyOfBuilt(): { corpusDir: string; indexDir: string } {
  const root = mkdtempSync(join(tmpdir(), "fdr-open-"));
  cpSync(built.corpusDir, join(root, "corpus"), { recursive: true });
  cpSync(built.indexDir, join(root, "index"), { recursive: true });
  return { corpusDir: join(root, "corpus"), indexDir: join(root, "index") };
}

describe("openIndex", () => {
  it("builds the index when there is none, and writes every file with its checksum", async () => {
    const ws = workspace();
    const { log, lines } = recorder();
    const index = await open(ws, log);
    expect(index.built).toBe(true);
    expect(lines.map((l) => [l.level, l.msg, l.reason])).toEqual([
      ["info", "building the index", "missing"],
      ["info", "index built", undefined],
    ]);
    expect(lines[1]!.chunks).toBe(index.chunks.length);
    const manifest = JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8"));
    expect(manifest).toMatchObject({
      format: INDEX_FORMAT,
      corpusHash: fingerprintCorpus(ws.corpusDir),
      embedder: { id: "local-french-hash-v2-256", dimensions: 256 },
      chunks: index.chunks.length,
      hnsw: { space: "cosine", m: 16, efConstruction: 100 },
    });
    expect(Object.keys(manifest.files).sort()).toEqual([CHUNKS_FILE, CORPUS_FILE, KEYWORDS_FILE, DOCS_FILE, HNSW_FILE, ROWS_FILE].sort());
    for (const [f, sum] of Object.entries(manifest.files)) expect(sha256File(join(ws.indexDir, f))).toBe(sum);
    expect(index.corpus.hash).toBe(manifest.corpusHash);
    expect(index.vectors.size).toBe(index.chunks.length);
    expect(index.chunkById.get("fdr-2023-2027#action-14/action")!.citation).toBe("fdr-2023-2027#action-14");
  });

  it("loads the saved index when it is current (built = false) and finds the same things", async () => {
    const ws = copyOfBuilt();
    const stamp = statSync(join(ws.indexDir, HNSW_FILE)).mtimeMs;
    const { log, lines } = recorder();
    const index = await open(ws, log);
    expect(index.built).toBe(false);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([["debug", "index loaded"]]);
    expect(index.chunks).toHaveLength(built.chunks);
    expect(statSync(join(ws.indexDir, HNSW_FILE)).mtimeMs).toBe(stamp);
    expect(index.chunks).toEqual(built.index.chunks);
    expect(index.corpus).toEqual(built.index.corpus);
    expect(index.keywords.query("application carte Vitale", { limit: 10 })).toEqual(built.index.keywords.query("application carte Vitale", { limit: 10 }));
    const v = await embeddings.embedQuery("cybersécurité des établissements");
    const loadedHits = await index.vectors.similaritySearchVectorWithScore(v, 5);
    const builtHits = await built.index.vectors.similaritySearchVectorWithScore(v, 5);
    expect(loadedHits.map(([d]) => d.metadata.chunkId)).toEqual(builtHits.map(([d]) => d.metadata.chunkId));
    expect(loadedHits.some(([d]) => String(d.metadata.chunkId).startsWith("fdr-2023-2027#action-14/"))).toBe(true);
  });

  it("rebuilds when a corpus file changes", async () => {
    const ws = copyOfBuilt();
    const before = fingerprintCorpus(ws.corpusDir);
    appendFileSync(join(ws.corpusDir, "sources", "ars-bretagne.txt"), "\n\nUn paragraphe ajouté pour le test.\n");
    expect(fingerprintCorpus(ws.corpusDir)).not.toBe(before);
    const { log, lines } = recorder();
    const index = await open(ws, log);
    expect(index.built).toBe(true);
    expect(lines[0]).toMatchObject({ level: "info", msg: "rebuilding the index: the corpus has changed since the index was built", reason: "stale" });
    expect(index.chunks.some((c) => c.body === "Un paragraphe ajouté pour le test.")).toBe(true);
    expect(JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8")).corpusHash).toBe(fingerprintCorpus(ws.corpusDir));
  });

  it("rebuilds when the embedder changes", async () => {
    const ws = copyOfBuilt();
    const { log, lines } = recorder();
    const index = await open(ws, log, { id: "local-french-hash-v3-256", dimensions: 256 });
    expect(index.built).toBe(true);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "rebuilding the index: the index was built with embedder local-french-hash-v2-256, now local-french-hash-v3-256",
      reason: "stale",
    });
    expect(JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8")).embedder.id).toBe("local-french-hash-v3-256");
  });

  it("rebuilds when the embedder announces other dimensions", async () => {
    await expect(loadIndex(copyOfBuilt().indexDir, fingerprintCorpus(built.corpusDir), embeddings, { id: info.id, dimensions: 1536 })).rejects.toMatchObject({
      kind: "stale",
      message: "the index has 256-dimension vectors, the embedder gives 1536",
    });
  });

  it("rebuilds when the index was built with another reading of words", async () => {
    const ws = copyOfBuilt();
    const manifest = JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8"));
    expect(manifest.analysis).toBe(ANALYSIS_ID);
    writeFileSync(join(ws.indexDir, MANIFEST_FILE), JSON.stringify({ ...manifest, analysis: "0123456789ab" }));
    const { log, lines } = recorder();
    const index = await open(ws, log);
    expect(index.built).toBe(true);
    expect(lines[0]).toMatchObject({ level: "info", msg: "rebuilding the index: the index was built with another reading of words (stopwords, stemmer)", reason: "stale" });
    expect(JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8")).analysis).toBe(ANALYSIS_ID);
  });

  it("rebuilds an index written in an older format, as stale rather than damaged", async () => {
    const ws = copyOfBuilt();
    const manifest = JSON.parse(readFileSync(join(ws.indexDir, MANIFEST_FILE), "utf8"));
    writeFileSync(join(ws.indexDir, MANIFEST_FILE), JSON.stringify({ ...manifest, format: INDEX_FORMAT - 1 }));
    const { log, lines } = recorder();
    const index = await open(ws, log);
    expect(index.built).toBe(true);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: `rebuilding the index: the index is in format ${INDEX_FORMAT - 1}, this version writes format ${INDEX_FORMAT}`,
      reason: "stale",
    });
  });

  it("rebuilds when forced, even if the index is current", async () => {
    const ws = copyOfBuilt();
    const { log, lines } = recorder();
    const index = await openIndex({ ...ws, embeddings, embedder: info, log, force: true });
    expect(index.built).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(["index built"]);
  });

  describe("a damaged index is rebuilt with a warning that says why, never a crash", () => {
    async function damagedThenOpened(damage: (indexDir: string) => void) {
      const ws = copyOfBuilt();
      damage(ws.indexDir);
      const { log, lines } = recorder();
      const index = await open(ws, log);
      return { index, lines, ws };
    }

    it("truncated vectors.hnsw", async () => {
      const { index, lines, ws } = await damagedThenOpened((dir) => truncateSync(join(dir, HNSW_FILE), 1000));
      expect(index.built).toBe(true);
      expect(lines[0]).toMatchObject({
        level: "warn",
        msg: "rebuilding the index: vectors.hnsw does not match its checksum (truncated or altered)",
        reason: "corrupt",
      });
      expect(index.vectors.size).toBe(built.chunks);
      // The rebuilt index is whole again: the next start loads it.
      expect((await open(ws, createLogger("silent"))).built).toBe(false);
    });

    it("garbled chunks.json", async () => {
      const { index, lines } = await damagedThenOpened((dir) => writeFileSync(join(dir, CHUNKS_FILE), "{ this is not json"));
      expect(index.built).toBe(true);
      expect(lines[0]).toMatchObject({
        level: "warn",
        msg: "rebuilding the index: chunks.json does not match its checksum (truncated or altered)",
        reason: "corrupt",
      });
      expect(index.chunks).toHaveLength(built.chunks);
    });

    it("chunks.json garbled with a checksum that matches", async () => {
      const { index, lines } = await damagedThenOpened((dir) => {
        writeFileSync(join(dir, CHUNKS_FILE), JSON.stringify([{ id: 1 }]));
        const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
        manifest.files[CHUNKS_FILE] = sha256File(join(dir, CHUNKS_FILE));
        writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
      });
      expect(index.built).toBe(true);
      expect(lines[0]).toMatchObject({ level: "warn", reason: "corrupt" });
      expect(lines[0]!.msg.startsWith("rebuilding the index: ")).toBe(true);
      expect(index.chunks).toHaveLength(built.chunks);
    });

    it("a file of the index deleted", async () => {
      const { index, lines } = await damagedThenOpened((dir) => rmSync(join(dir, KEYWORDS_FILE)));
      expect(index.built).toBe(true);
      expect(lines[0]).toMatchObject({ level: "warn", msg: "rebuilding the index: keywords.json is missing", reason: "corrupt" });
    });

    it("garbled manifest.json", async () => {
      const { index, lines } = await damagedThenOpened((dir) => writeFileSync(join(dir, MANIFEST_FILE), '{"format": 1, "corpusHash": '));
      expect(index.built).toBe(true);
      expect(lines[0]).toMatchObject({ level: "warn", reason: "corrupt" });
      expect(lines[0]!.msg.startsWith("rebuilding the index: unreadable manifest.json: ")).toBe(true);
    });

    it("deleted manifest.json (the other index files still there)", async () => {
      const { index, lines, ws } = await damagedThenOpened((dir) => rmSync(join(dir, MANIFEST_FILE)));
      expect(index.built).toBe(true);
      expect(existsSync(join(ws.indexDir, MANIFEST_FILE))).toBe(true);
      // A folder holding vectors and chunks but no manifest is a damaged index, not a first start.
      expect(lines[0]).toMatchObject({ level: "warn", reason: "corrupt" });
    });
  });
});

describe("loadIndex", () => {
  it("says 'missing' when there is no index, as an IndexUnusable", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "fdr-open-")), "none");
    const error = await loadIndex(dir, "h", embeddings, info).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexUnusable);
    expect(error).toMatchObject({ kind: "missing", message: `no index at ${dir}` });
  });
});
