import { beforeAll, describe, expect, it } from "vitest";
import { parseCitationId } from "../../src/corpus/schema.js";
import { terms } from "../../src/language/french.js";
import type { SearchIndex } from "../../src/index/build.js";
import { DEFAULT_RETRIEVER, HybridRetriever } from "../../src/retrieval/retriever.js";
import { understand } from "../../src/understanding/understand.js";
import { realIndex } from "../support/pipeline.js";

let index: SearchIndex;
let hybrid: HybridRetriever;
beforeAll(async () => {
  index = await realIndex();
  hybrid = new HybridRetriever(index);
});
/** Retrieval reads what the understanding stage made of the question, never the text itself. */
const retriever = { retrieve: (q: string) => hybrid.retrieve(understand(q, index.corpus)) };

const Y2019 = new Set(["virage-numerique-2019", "breve-virage-2019", "lancement-2019"]);

describe("HybridRetriever on the real index", () => {
  it("c'est quoi l'ApCV ? → 2023-2027 action 13 first, through the glossary", async () => {
    const r = await retriever.retrieve("c'est quoi l'ApCV ?");
    expect(r.ranked[0]!.id).toBe("fdr-2023-2027#action-13");
    expect(r.ranked.slice(0, 3).map((x) => x.id)).toContain("virage-numerique-2019#action-7");
    expect(r.understanding.terms.glossary.map((g) => g.entry)).toContain("apcv");
    expect(r.understanding.terms.corrections).toEqual([]);
    // Both rankers put the two ApCV actions first; the recency bonus lifts today's roadmap above 2019's.
    expect(r.ranked.slice(0, 2).map((x) => [x.signals.keywordRank, x.signals.vectorRank]).sort()).toEqual([[1, 1], [2, 2]]);
    // The citation's own text comes with it, the matched chunks first.
    const top = r.ranked[0]!;
    expect(top.chunks.map((c) => c.id).sort()).toEqual(["fdr-2023-2027#action-13/action", "fdr-2023-2027#action-13/measure-1", "fdr-2023-2027#action-13/measure-2"]);
    expect(top.matched.every((id) => id.startsWith("fdr-2023-2027#action-13/"))).toBe(true);
  });

  it("a phrase asking what a name means is no search term: 'que veut dire DUI ?' finds the name as 'c'est quoi le DUI ?' does", async () => {
    for (const q of ["que veut dire DUI ?", "DUI, ça veut dire quoi ?", "What does DUI mean?", "le sigle DUI signifie quoi ?", "Le DUI, ça sert à quoi ?"]) {
      const r = await retriever.retrieve(q);
      expect(terms(r.query.own)).toEqual(["dui"]);
      expect(r.ranked[0]!.id).toBe("virage-numerique-2019#action-20");
    }
  });

  it("l'action 12 de 2019 → a direct lookup placed first, and only 2019 documents", async () => {
    const r = await retriever.retrieve("l'action 12 de 2019");
    expect(r.ranked[0]!.id).toBe("virage-numerique-2019#action-12");
    expect(r.ranked[0]!.chunks.map((c) => c.id)).toEqual(["virage-numerique-2019#action-12/action"]);
    expect(r.ranked[0]!.score).toBeGreaterThan(r.ranked[1]!.score + 0.99);
    expect(r.ranked.every((x) => Y2019.has(parseCitationId(x.id).document))).toBe(true);
    expect(r.ranked).toHaveLength(DEFAULT_RETRIEVER.limit);
  });

  it("quelle action parle de la cybersécurité des établissements ? → 2023-2027 action 14 first", async () => {
    const r = await retriever.retrieve("quelle action parle de la cybersécurité des établissements ?");
    expect(r.ranked[0]!.id).toBe("fdr-2023-2027#action-14");
  });

  it("reads a misspelt word as the corpus word and still finds the action", async () => {
    const r = await retriever.retrieve("la cybersecurite des etablisements");
    expect(r.understanding.terms.corrections).toEqual([{ from: "etablisements", to: "etablissements" }]);
    expect(r.query.added).toContain("etablissements");
    expect(r.ranked[0]!.id).toBe("fdr-2023-2027#action-14");
  });

  it("filters on the roadmap the question names", async () => {
    const r = await retriever.retrieve("quelle action parle de la messagerie sécurisée en 2019 ?");
    expect(r.understanding.references.documents.map((d) => d.id)).toEqual(["virage-numerique-2019", "breve-virage-2019", "lancement-2019"]);
    expect(r.ranked[0]!.id).toBe("virage-numerique-2019#action-12");
    expect(r.ranked.every((x) => Y2019.has(parseCitationId(x.id).document))).toBe(true);
  });

  it("reads ENS as 'entreprises du numérique en santé' in 2023-2027", async () => {
    const r = await retriever.retrieve("c'est quoi les ENS en 2023-2027 ?");
    expect(r.understanding.terms.glossary).toEqual([{ entry: "ens", term: "ENS", expand: ["entreprises du numérique en santé"], senses: [], elsewhere: false }]);
    expect(r.ranked[0]!.id).toBe("fdr-2023-2027#action-15");
  });

  it("searches each roadmap separately for a comparison, and interleaves them", async () => {
    const r = await retriever.retrieve("qu'est devenu e-parcours depuis 2019 ?");
    expect(r.understanding.intent).toBe("compare");
    expect(Object.keys(r.byDocument).sort()).toEqual(["fdr-2023-2027", "virage-numerique-2019"]);
    expect(r.byDocument["virage-numerique-2019"]![0]!.id).toBe("virage-numerique-2019#action-14");
    expect(r.byDocument["fdr-2023-2027"]![0]!.id).toBe("fdr-2023-2027#action-8");
    expect(r.ranked.slice(0, 2).map((x) => x.id)).toEqual(["virage-numerique-2019#action-14", "fdr-2023-2027#action-8"]);
    for (const [doc, list] of Object.entries(r.byDocument)) {
      expect(list.every((x) => parseCitationId(x.id).document === doc)).toBe(true);
    }
  });

  it("the 'now' of a comparison is no search term: 'X en 2019 et aujourd'hui' finds X, not other questions asked that way", async () => {
    const r = await retriever.retrieve("Le Health Data Hub en 2019 et aujourd'hui : qu'est-ce que la nouvelle feuille de route prévoit ?");
    expect(terms(r.query.own)).not.toContain("aujourdhui");
    expect(r.byDocument["virage-numerique-2019"]![0]!.id).toBe("virage-numerique-2019#action-17");
    expect(r.byDocument["fdr-2023-2027"]![0]!.id).toBe("fdr-2023-2027#action-18");
  });

  it("sets today's roadmap, the only one named in a comparison, beside the one before it", async () => {
    const r = await retriever.retrieve("Les e-parcours sont-ils toujours d'actualité dans la nouvelle feuille de route ?");
    expect(Object.keys(r.byDocument)).toEqual(["fdr-2023-2027", "virage-numerique-2019"]);
    expect(r.byDocument["virage-numerique-2019"]![0]!.id).toBe("virage-numerique-2019#action-14");
    expect(r.byDocument["fdr-2023-2027"]![0]!.id).toBe("fdr-2023-2027#action-8");
  });

  it("searches two texts named side by side, and no roadmap, each on its own", async () => {
    const r = await retriever.retrieve("La brève et le compte rendu du 25 avril disent-ils la même chose sur la DNS ?");
    expect(Object.keys(r.byDocument)).toEqual(["breve-virage-2019", "lancement-2019"]);
  });

  it("searches a prose document named beside the national roadmap next to the latest roadmap", async () => {
    const r = await retriever.retrieve("la stratégie de l'ARS Bretagne colle-t-elle à la feuille de route nationale sur le Ségur ?");
    expect(Object.keys(r.byDocument).sort()).toEqual(["ars-bretagne", "fdr-2023-2027"]);
  });

  it.each([
    ["Un patient français soigné en Espagne, son médecin pourra-t-il accéder à ses infos ?", "fdr-2023-2027#action-6"],
    ["e-parcours en 2019 vs aujourd'hui ?", "virage-numerique-2019#action-14"],
    ["la téléconsultation, compare-moi les deux feuilles de route là-dessus", "fdr-2023-2027#action-11"],
    ["ARS BZH : quels programmes pour le Ségur ?", "ars-bretagne"],
    ["Dans la FDR 2023-2027, que désigne ENS ?", "fdr-2023-2027#action-15"],
  ])("finds the text through staff shorthand and framing: '%s'", async (q, id) => {
    const r = await retriever.retrieve(q);
    expect(r.ranked.slice(0, 3).map((x) => x.id)).toContain(id);
  });

  it("ranks deterministically", async () => {
    const a = await retriever.retrieve("carte vitale sur le téléphone");
    const b = await retriever.retrieve("carte vitale sur le téléphone");
    expect(b.ranked.map((x) => [x.id, x.score])).toEqual(a.ranked.map((x) => [x.id, x.score]));
    expect(a.ranked.slice(0, 2).map((x) => x.id).sort()).toEqual(["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"]);
  });
});
