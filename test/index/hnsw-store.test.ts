import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { Embeddings } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { DOCS_FILE, HNSW_FILE, HnswStore, ROWS_FILE } from "../../src/index/hnsw-store.js";

/** Fixed vectors by text: what a query embeds to is known exactly. */
class TableEmbeddings extends Embeddings {
  constructor(private readonly table: Record<string, number[]>) {
    super({});
  }
  embedQuery(text: string): Promise<number[]> {
    const v = this.table[text];
    if (!v) throw new Error(`no vector for ${text}`);
    return Promise.resolve(v);
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    return Promise.all(texts.map((t) => this.embedQuery(t)));
  }
}

const TABLE: Record<string, number[]> = {
  nord: [1, 0, 0],
  est: [0, 1, 0],
  haut: [0, 0, 1],
  "nord-est": [1, 1, 0],
  "presque nord": [0.9, 0.1, 0],
};
const embeddings = new TableEmbeddings(TABLE);
const doc = (text: string, group: string) => new Document({ pageContent: text, metadata: { chunkId: `c-${text}`, group } });

async function store(): Promise<HnswStore> {
  const s = new HnswStore(embeddings);
  await s.addDocuments([doc("nord", "a"), doc("est", "b"), doc("haut", "a")]);
  return s;
}

const ids = (hits: [{ pageContent: string }, number][]) => hits.map(([d]) => d.pageContent);

describe("HnswStore", () => {
  it("returns the nearest documents with their cosine similarity, best first", async () => {
    const s = await store();
    expect(s.size).toBe(3);
    expect(s._vectorstoreType()).toBe("hnswlib-node");
    const hits = await s.similaritySearchVectorWithScore([1, 0, 0], 3);
    expect(hits).toHaveLength(3);
    expect(hits[0]![0].pageContent).toBe("nord");
    expect(new Set(ids(hits).slice(1))).toEqual(new Set(["est", "haut"]));
    expect(hits[0]![1]).toBeCloseTo(1, 6);
    expect(hits[1]![1]).toBeCloseTo(0, 6);
    expect(hits[2]![1]).toBeCloseTo(0, 6);
    const ne = await s.similaritySearchVectorWithScore([1, 1, 0], 2);
    expect(new Set(ids(ne))).toEqual(new Set(["nord", "est"]));
    expect(ne[0]![1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(ne[1]![1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("returns every document, not more, when k exceeds the count", async () => {
    const s = await store();
    const hits = await s.similaritySearchVectorWithScore([0, 0, 1], 50);
    expect(hits).toHaveLength(3);
    expect(hits[0]![0].pageContent).toBe("haut");
  });

  it("keeps only documents whose metadata pass the filter", async () => {
    const s = await store();
    const hits = await s.similaritySearchVectorWithScore([0, 1, 0], 3, (m) => m.group === "a");
    expect(ids(hits).sort()).toEqual(["haut", "nord"]);
    expect(await s.similaritySearchVectorWithScore([0, 1, 0], 3, () => false)).toEqual([]);
  });

  it("answers a narrow filter exactly, and a wide one from the graph, with the same scores", async () => {
    // 400 deterministic vectors in 8 dimensions; group "rare" holds every 25th (4 %), "half" every other.
    const vectors = Array.from({ length: 400 }, (_, i) => Array.from({ length: 8 }, (_, d) => Math.sin(i * 7.3 + d * 1.9) + (d === i % 8 ? 1 : 0)));
    const docs = vectors.map((_, i) => new Document({ pageContent: `v${i}`, metadata: { rare: i % 25 === 0, half: i % 2 === 0 } }));
    const s = new HnswStore(embeddings);
    await s.addVectors(vectors, docs);
    const query = [0.3, -0.2, 0.9, 0.1, 0, 0.5, -0.4, 0.2];
    const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));
    const exact = (keep: (i: number) => boolean) =>
      vectors
        .map((v, i) => ({ i, score: unit(v).reduce((sum, x, d) => sum + x * unit(query)[d]!, 0) }))
        .filter(({ i }) => keep(i))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
    for (const [name, keep] of [["rare", (i: number) => i % 25 === 0], ["half", (i: number) => i % 2 === 0]] as const) {
      const expected = exact(keep);
      for (const filter of [(m: Record<string, unknown>) => m[name] === true, { [name]: [true] }]) {
        const hits = await s.similaritySearchVectorWithScore(query, 10, filter);
        expect(ids(hits), name).toEqual(expected.map(({ i }) => `v${i}`));
        hits.forEach(([, score], r) => expect(score).toBeCloseTo(expected[r]!.score, 5));
      }
    }
    // Fields combine with AND, values of a field with OR.
    const both = await s.similaritySearchVectorWithScore(query, 400, { rare: [true], half: [true] });
    expect(ids(both).sort()).toEqual(["v0", "v100", "v150", "v200", "v250", "v300", "v350", "v50"]);
    expect(await s.similaritySearchVectorWithScore(query, 400, { rare: [true, false] })).toHaveLength(400);
    expect(await s.similaritySearchVectorWithScore(query, 400, { rare: [true, true] })).toHaveLength(16);
    expect(await s.similaritySearchVectorWithScore(query, 10, { missing: ["x"] })).toEqual([]);
  });

  it("returns nothing when empty", async () => {
    expect(await new HnswStore(embeddings).similaritySearchVectorWithScore([1, 0, 0], 3)).toEqual([]);
  });

  it("grows when documents are added again", async () => {
    const s = await store();
    await s.addDocuments([doc("presque nord", "b")]);
    expect(s.size).toBe(4);
    expect(ids(await s.similaritySearchVectorWithScore([1, 0, 0], 2))).toEqual(["nord", "presque nord"]);
  });

  it("refuses vectors of the wrong dimensions, with the numbers", async () => {
    const s = await store();
    await expect(s.addVectors([[1, 0, 0, 0]], [doc("x", "a")])).rejects.toThrow("the index holds 3-dimension vectors, not 4");
    await expect(s.similaritySearchVectorWithScore([1, 0], 1)).rejects.toThrow("query of 2 dimensions for an index of 3");
    await expect(new HnswStore(embeddings).addVectors([[1, 0], [1, 0, 0]], [doc("x", "a"), doc("y", "a")])).rejects.toThrow(
      "vector of 3 dimensions among vectors of 2",
    );
    await expect(s.addVectors([[1, 0, 0]], [])).rejects.toThrow("1 vectors for 0 documents");
  });

  it("saves and loads back the same store", async () => {
    const s = await store();
    const dir = mkdtempSync(join(tmpdir(), "hnsw-"));
    await s.save(dir);
    expect(existsSync(join(dir, HNSW_FILE))).toBe(true);
    const sidecar = JSON.parse(readFileSync(join(dir, DOCS_FILE), "utf8"));
    expect(sidecar).toMatchObject({ space: "cosine", dimensions: 3, m: 16, efConstruction: 100 });
    expect(sidecar.docs).toEqual([
      { pageContent: "nord", metadata: { chunkId: "c-nord", group: "a" } },
      { pageContent: "est", metadata: { chunkId: "c-est", group: "b" } },
      { pageContent: "haut", metadata: { chunkId: "c-haut", group: "a" } },
    ]);

    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(3);
    for (const q of [[1, 0, 0], [0, 1, 0], [0.2, 0.1, 0.9]]) {
      const before = await s.similaritySearchVectorWithScore(q, 3);
      const after = await loaded.similaritySearchVectorWithScore(q, 3);
      expect(ids(after)).toEqual(ids(before));
      after.forEach(([, score], i) => expect(score).toBeCloseTo(before[i]![1], 6));
    }
    const [first] = await loaded.similaritySearchVectorWithScore([0, 0, 1], 1);
    expect(first![0].metadata).toEqual({ chunkId: "c-haut", group: "a" });
  });

  it("refuses to save an empty store and to load a sidecar that disagrees with the vectors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hnsw-"));
    await expect(new HnswStore(embeddings).save(dir)).rejects.toThrow("nothing to save: the store is empty");
    const s = await store();
    await s.save(dir);
    const sidecar = JSON.parse(readFileSync(join(dir, DOCS_FILE), "utf8"));
    sidecar.docs.pop();
    writeFileSync(join(dir, DOCS_FILE), JSON.stringify(sidecar));
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow("vectors.hnsw holds 3 vectors, vectors.json describes 2");
  });

  it("with contentOf, keeps no text of its own and finds it where contentOf says", async () => {
    const library: Record<string, string> = { "c-nord": "nord", "c-est": "est", "c-haut": "haut" };
    const contentOf = (m: Record<string, unknown>) => library[String(m.chunkId)]!;
    const s = new HnswStore(embeddings, undefined, contentOf);
    await s.addDocuments([doc("nord", "a"), doc("est", "b"), doc("haut", "a")]);
    const dir = mkdtempSync(join(tmpdir(), "hnsw-"));
    await s.save(dir);
    expect(JSON.parse(readFileSync(join(dir, DOCS_FILE), "utf8")).docs[0]).toEqual({ metadata: { chunkId: "c-nord", group: "a" } });
    library["c-haut"] = "haut, relu";
    const loaded = await HnswStore.load(dir, embeddings, undefined, contentOf);
    const [first] = await loaded.similaritySearchVectorWithScore([0, 0, 1], 1);
    expect(first![0]).toMatchObject({ pageContent: "haut, relu", metadata: { chunkId: "c-haut", group: "a" } });
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow("vectors.json holds no texts: load it with contentOf");
  });

  it("refuses to load rows that do not match the sidecar", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hnsw-"));
    await (await store()).save(dir);
    expect(readFileSync(join(dir, ROWS_FILE)).byteLength).toBe(3 * 3 * 4);
    truncateSync(join(dir, ROWS_FILE), 20);
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow("vectors.f32 holds 20 bytes, not 3 rows of 3 dimensions");
  });

  it("works as a LangChain retriever and vector store", async () => {
    const s = await store();
    const retriever = s.asRetriever({ k: 2 });
    const docs = await retriever.invoke("presque nord");
    expect(docs.map((d) => d.pageContent)[0]).toBe("nord");
    expect(docs).toHaveLength(2);
    const filtered = await s.asRetriever({ k: 3, filter: (m: Record<string, unknown>) => m.group === "b" }).invoke("nord");
    expect(filtered.map((d) => d.pageContent)).toEqual(["est"]);
    const search = await s.similaritySearch("haut", 1);
    expect(search.map((d) => d.pageContent)).toEqual(["haut"]);
    const withScore = await s.similaritySearchWithScore("nord-est", 1);
    expect(withScore[0]![1]).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe("HnswStore at scale", () => {
  it("adds a quarter of a million vectors in one call without overflowing the call stack", async () => {
    const n = 250_000;
    const s = new HnswStore(embeddings, { m: 2, efConstruction: 2, efSearch: 2 });
    const vectors = Array.from({ length: n }, (_, i) => [Math.cos(i), Math.sin(i), 1]);
    const docs = Array.from({ length: n }, (_, i) => new Document({ pageContent: `t${i}`, metadata: { chunkId: `c${i}` } }));
    await s.addVectors(vectors, docs);
    // Points wind round a circle: the nearest to the 8th is itself or one a whole number of turns away.
    const [[found, score]] = (await s.similaritySearchVectorWithScore([Math.cos(7), Math.sin(7), 1], 1)) as [[Document, number]];
    expect(score).toBeGreaterThan(0.9999);
    expect(found.pageContent).toBe(`t${String(found.metadata.chunkId).slice(1)}`);
    expect(Math.abs(Math.cos(Number(found.pageContent.slice(1))) - Math.cos(7))).toBeLessThan(0.01);
  }, 60_000);
});
