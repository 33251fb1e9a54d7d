import { describe, expect, it } from "vitest";
import { localEmbedder } from "../../src/index/embedder.js";
import { LocalFrenchEmbeddings } from "../../src/index/local-embedder.js";

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]) => Math.hypot(...a);

describe("LocalFrenchEmbeddings", () => {
  const e = new LocalFrenchEmbeddings();

  it("gives 256-dimension vectors by default and announces its id", () => {
    expect(e.dimensions).toBe(256);
    expect(e.embed("cybersécurité des établissements")).toHaveLength(256);
    expect(LocalFrenchEmbeddings.ID).toBe("local-french-hash-v2");
    const { info, embeddings } = localEmbedder();
    expect(info).toEqual({ id: "local-french-hash-v2-256", dimensions: 256 });
    expect(embeddings).toBeInstanceOf(LocalFrenchEmbeddings);
    expect(new LocalFrenchEmbeddings(64).embed("DMP")).toHaveLength(64);
  });

  it("is deterministic, across calls and instances", async () => {
    const text = "Diffuser largement l'application carte Vitale (ApCV)";
    const a = e.embed(text);
    expect(new LocalFrenchEmbeddings().embed(text)).toEqual(a);
    expect(await e.embedQuery(text)).toEqual(a);
    expect(await e.embedDocuments([text, "autre"])).toEqual([a, e.embed("autre")]);
  });

  it("returns unit vectors, even for a text with no content word", () => {
    for (const t of ["DMP", "la messagerie sécurisée de santé", "Feuille de route 2023-2027 › Axe Cadre propice › Action 14"]) {
      expect(norm(e.embed(t))).toBeCloseTo(1, 12);
    }
    const empty = e.embed("");
    expect(empty[0]).toBe(1);
    expect(empty.slice(1).every((v) => v === 0)).toBe(true);
    expect(e.embed("le la les de")).toEqual(empty);
  });

  it("is blind to accents and case, and close across inflections and typos", () => {
    expect(cosine(e.embed("cybersecurite"), e.embed("cybersécurité"))).toBeCloseTo(1, 12);
    expect(cosine(e.embed("LA CYBERSÉCURITÉ DES ÉTABLISSEMENTS"), e.embed("cybersecurite des etablissements"))).toBeCloseTo(1, 12);
    expect(cosine(e.embed("messagerie sécurisée"), e.embed("messageries sécurisées"))).toBeGreaterThan(0.9);
    // Character 4-grams weigh little (collisions in 256 dimensions): a misspelt word alone stays
    // only a little closer than an unrelated text — the retriever repairs it before searching —
    // and a typo within a phrase leaves the phrase close.
    const typo = cosine(e.embed("cybersécurité"), e.embed("cybersécuritée"));
    const unrelated = cosine(e.embed("cybersécurité"), e.embed("blanquette de veau"));
    expect(Math.abs(unrelated)).toBeLessThan(0.15);
    expect(typo - unrelated).toBeGreaterThan(0.1);
    expect(cosine(e.embed("cybersécurité des établissements"), e.embed("cybersécuritée des établissements"))).toBeGreaterThan(0.4);
    expect(cosine(e.embed("télésanté"), e.embed("recette de cuisine"))).toBeCloseTo(0, 12);
  });

  it("takes word order into account through bigrams", () => {
    const ab = e.embed("dossier médical partagé");
    const ba = e.embed("partagé médical dossier");
    expect(cosine(ab, ba)).toBeLessThan(0.999);
    expect(cosine(ab, ba)).toBeGreaterThan(0.5);
  });
});
