import { beforeAll, describe, expect, it } from "vitest";
import { buildChunks, type Chunk } from "../../src/corpus/chunk.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { KeywordIndex } from "../../src/index/keyword-index.js";
import { CORPUS_DIR } from "../support/pipeline.js";

function chunk(id: string, document: string, text: string): Chunk {
  return {
    id,
    citation: document,
    document,
    kind: "passage",
    documentLabel: document,
    period: "",
    group: null,
    action: null,
    measure: null,
    section: null,
    body: text,
    text,
  };
}

const SMALL = [
  chunk("a/1", "a", "La cybersécurité des établissements de santé"),
  chunk("a/2", "a", "La messagerie sécurisée de santé MSSanté"),
  chunk("b/1", "b", "Le programme e-parcours en région"),
  chunk("b/2", "b", "Les établissements médico-sociaux et le programme HOP'EN"),
];

describe("KeywordIndex on a handful of chunks", () => {
  const index = KeywordIndex.build(SMALL);

  it("matches on stems, without accents and across inflections", () => {
    expect(index.query("cybersecurite", { limit: 10 }).map((h) => h.chunkId)).toEqual(["a/1"]);
    expect(index.query("Messageries sécurisées", { limit: 10 }).map((h) => h.chunkId)).toEqual(["a/2"]);
    expect(index.query("établissement", { limit: 10 }).map((h) => h.chunkId).sort()).toEqual(["a/1", "b/2"]);
  });

  it("joins compounds: eparcours finds e-parcours, hopen finds HOP'EN", () => {
    expect(index.query("eparcours", { limit: 10 }).map((h) => h.chunkId)).toEqual(["b/1"]);
    expect(index.query("HOPEN", { limit: 10 }).map((h) => h.chunkId)).toEqual(["b/2"]);
  });

  it("ignores stopwords: a question of function words finds nothing", () => {
    expect(index.query("c'est quoi le la les de", { limit: 10 })).toEqual([]);
  });

  it("tolerates typos on long words, unless fuzzy is off", () => {
    expect(index.query("cybersecuritee", { limit: 10 }).map((h) => h.chunkId)).toEqual(["a/1"]);
    expect(index.query("cybersecuritee", { limit: 10, fuzzy: false })).toEqual([]);
  });

  it("reads each typo as its own, and the same the second time it is asked", () => {
    const fresh = KeywordIndex.build(SMALL);
    const first = fresh.query("cybersecuritee", { limit: 10 });
    expect(first.map((h) => h.chunkId)).toEqual(["a/1"]);
    expect(fresh.query("mesageries", { limit: 10 }).map((h) => h.chunkId)).toEqual(["a/2"]);
    expect(fresh.query("cybersecuritee", { limit: 10 })).toEqual(first);
  });

  it("filters by document and honours the limit", () => {
    expect(index.query("programme", { limit: 10, documents: new Set(["a"]) })).toEqual([]);
    expect(index.query("santé programme", { limit: 10, documents: new Set(["b"]) }).map((h) => h.chunkId).sort()).toEqual(["b/1", "b/2"]);
    expect(index.query("santé programme", { limit: 1 })).toHaveLength(1);
  });

  it("scores as minisearch did: a term's BM25 once per time it is asked, times the distinct terms matched", () => {
    const score = (q: string, id: string) => index.query(q, { limit: 10 }).find((h) => h.chunkId === id)!.score;
    const cyber = score("cybersécurité", "a/1");
    const etab = score("établissements", "a/1");
    expect(score("cybersécurité établissements", "a/1")).toBeCloseTo(2 * (cyber + etab), 12);
    expect(score("cybersécurité cybersécurité", "a/1")).toBeCloseTo(2 * cyber, 12);
    expect(index.query("cybersécurité", { limit: 10, boost: () => 0.5 })[0]!.score).toBeCloseTo(cyber / 2, 12);
    // idf of a term in one chunk of four: ln(1 + 3.5 / 1.5); BM25+ term frequency part ≥ d = 0.5.
    expect(cyber).toBeGreaterThan(Math.log(1 + 3.5 / 1.5) * 1.5);
  });

  it("answers the next query rightly after a query that failed half-way", () => {
    const before = index.query("cybersécurité établissements", { limit: 10 });
    expect(() =>
      index.query("établissements cybersécurité", {
        limit: 10,
        boost: (t) => {
          if (t.startsWith("cyber")) throw new Error("boost failed");
          return 1;
        },
      }),
    ).toThrow("boost failed");
    expect(index.query("cybersécurité établissements", { limit: 10 })).toEqual(before);
  });

  it("counts every distinct term of a long question, beyond 32 of them", () => {
    const filler = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(" ");
    expect(index.query(`${filler} cybersécurité établissements`, { limit: 1 })[0]!.score).toBeCloseTo(index.query("cybersécurité établissements", { limit: 1 })[0]!.score, 12);
  });

  it("ranks by BM25: the chunk matching more terms comes first", () => {
    const hits = index.query("établissements HOP'EN", { limit: 10 });
    expect(hits.map((h) => h.chunkId)).toEqual(["b/2", "a/1"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
});

describe("KeywordIndex round trip (toJSON / fromJSON) on the real corpus", () => {
  let chunks: Chunk[];
  let index: KeywordIndex;
  let restored: KeywordIndex;
  beforeAll(async () => {
    chunks = await buildChunks(loadCorpus(CORPUS_DIR));
    index = KeywordIndex.build(chunks);
    restored = KeywordIndex.fromJSON(index.toJSON());
  });

  it("answers every query exactly as before", () => {
    for (const q of ["ApCV", "cybersécurité des établissements", "messagerie sécurisée", "e-parcours", "cybersecuritee", "Ségur numérique Bretagne"]) {
      expect(restored.query(q, { limit: 20 }), q).toEqual(index.query(q, { limit: 20 }));
      expect(restored.query(q, { limit: 20, fuzzy: false }), q).toEqual(index.query(q, { limit: 20, fuzzy: false }));
    }
    const only2019 = new Set(["virage-numerique-2019"]);
    expect(restored.query("messagerie", { limit: 20, documents: only2019 })).toEqual(index.query("messagerie", { limit: 20, documents: only2019 }));
  });

  it("keeps the document of each chunk for filtering", () => {
    const only2019 = new Set(["virage-numerique-2019"]);
    const hits = restored.query("messagerie sécurisée", { limit: 50, documents: only2019 });
    expect(hits.length).toBeGreaterThan(0);
    const byId = new Map(chunks.map((c) => [c.id, c]));
    for (const h of hits) expect(byId.get(h.chunkId)!.document).toBe("virage-numerique-2019");
    expect(byId.get(hits[0]!.chunkId)!.citation).toBe("virage-numerique-2019#action-12");
  });
});
