import { beforeAll, describe, expect, it } from "vitest";
import { buildChunks } from "../../src/corpus/chunk.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { actionId, Corpus } from "../../src/corpus/schema.js";
import { simplify } from "../../src/language/french.js";
import { resolveDocuments } from "../../src/understanding/references.js";
import { mulberry32, synthesizeCorpus } from "../../bench/synthetic-corpus.js";
import { CORPUS_DIR } from "../support/pipeline.js";

let real: Corpus;

beforeAll(() => {
  real = loadCorpus(CORPUS_DIR);
});

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, another for another seed, always in [0, 1)", () => {
    const take = (seed: number) => Array.from({ length: 1000 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("is the published algorithm: its first values for seed 0 do not drift", () => {
    const random = mulberry32(0);
    expect([random(), random(), random()].map((x) => Math.round(x * 4294967296))).toEqual([1144304738, 1416247, 958946056]);
  });
});

describe("synthesizeCorpus", () => {
  it("returns the real corpus itself at scale 1", () => {
    expect(synthesizeCorpus(real, 1)).toBe(real);
  });

  it("is deterministic: same corpus, scale and seed give the same corpus; another seed another one", () => {
    expect(synthesizeCorpus(real, 3, 7)).toEqual(synthesizeCorpus(real, 3, 7));
    expect(synthesizeCorpus(real, 3, 7).documents).not.toEqual(synthesizeCorpus(real, 3, 8).documents);
  });

  it("grows the documents `scale` times, each copy with the structure of its original, and stays a valid Corpus", () => {
    const grown = synthesizeCorpus(real, 4);
    expect(Corpus.safeParse(grown).success).toBe(true);
    expect(grown.documents).toHaveLength(real.documents.length * 4);
    expect(new Set(grown.documents.map((d) => d.id)).size).toBe(grown.documents.length);
    expect(grown.hash).not.toBe(real.hash);
    for (const doc of real.documents) {
      const copy = grown.documents.find((d) => d.id === `${doc.id}-synth-2`)!;
      expect(copy.actions.map((a) => [a.number, a.group, a.measures.length])).toEqual(doc.actions.map((a) => [a.number, a.group, a.measures.length]));
      expect(copy.passages).toHaveLength(doc.passages.length);
      for (const a of doc.actions) {
        expect(grown.enrichment.actions[actionId(copy.id, a.number)] !== undefined).toBe(real.enrichment.actions[actionId(doc.id, a.number)] !== undefined);
      }
    }
  });

  it("gives about `scale` times the chunks, with no duplicated text among the copies", async () => {
    const chunks = await buildChunks(real);
    const grown = await buildChunks(synthesizeCorpus(real, 3));
    expect(grown.length).toBeGreaterThanOrEqual(chunks.length * 3);
    expect(grown.length).toBeLessThanOrEqual(chunks.length * 3.2);
    const synthetic = grown.filter((c) => c.document.includes("-synth-"));
    expect(new Set(synthetic.map((c) => c.text)).size / synthetic.length).toBeGreaterThan(0.95);
  });

  it("keeps the copies out of the way of questions that name a year or a roadmap: they have no date and no alias", () => {
    const grown = synthesizeCorpus(real, 3);
    const named = resolveDocuments(simplify("Que dit la feuille de route 2019 sur le DMP ? Et en 2023-2027 ?"), grown).documents.map((d) => d.id);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((id) => real.documents.some((d) => d.id === id))).toBe(true);
  });
});
