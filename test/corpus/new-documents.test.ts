import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerPipeline, type AnswerPipeline } from "../../src/answer/pipeline.js";
import { silentLogger } from "../../src/config/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { localEmbedder } from "../../src/index/embedder.js";
import { openIndex } from "../../src/index/open.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { addNewDocuments, removeTempCorpora, tempCorpus } from "../support/temp-corpus.js";

/**
 * The corpus is data: a copy of the real corpus plus a regional prose text and a small roadmap,
 * added with `corpus add`'s code and indexed like `npm run ingest`, is answered from with the new
 * citation IDs — and every existing ID keeps its meaning.
 */
let pipeline: AnswerPipeline;
let corpusDir: string;

beforeAll(async () => {
  const { root, dir } = tempCorpus({ copyReal: true });
  corpusDir = dir;
  addNewDocuments(dir);
  const { embeddings, info } = localEmbedder();
  const index = await openIndex({ corpusDir: dir, indexDir: join(root, "index"), embeddings, embedder: info, log: silentLogger });
  pipeline = createAnswerPipeline({ index, log: silentLogger });
});

afterAll(removeTempCorpora);

async function ask(question: string) {
  const answer = await pipeline.ask(question);
  return { ...answer, ids: answer.citations.map((c) => c.id) };
}

describe("a corpus with two more documents", () => {
  it("indexes them", () => {
    expect(pipeline.describe().documents.map((d) => d.id).slice(-2)).toEqual(["ars-occitanie", "fdr-test-2028"]);
  });

  it("answers from the new prose document with its ID", async () => {
    const a = await ask("quelles pharmacies dépistent la rétinopathie diabétique en Occitanie ?");
    expect(a.refused).toBe(false);
    expect(a.ids[0]).toBe("ars-occitanie");
    expect(a.answer).toContain("212 pharmacies");
  });

  it("answers from the new roadmap with its action IDs", async () => {
    const a = await ask("quelle action parle de l'empreinte carbone des serveurs ?");
    expect(a.ids[0]).toBe("fdr-test-2028#action-3");
    expect(a.answer).toContain("Mesurer l'empreinte carbone des serveurs de santé");
  });

  it("leaves every existing document exactly as it was", () => {
    const before = loadCorpus(CORPUS_DIR).documents;
    const after = loadCorpus(corpusDir).documents;
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it("keeps the meaning of existing IDs", async () => {
    const apcv = await ask("c'est quoi l'ApCV ?");
    // A newer roadmap takes the recency prior, so 2019's and 2023-2027's ApCV actions may swap; both keep their IDs.
    expect(apcv.ids.length).toBeGreaterThan(0);
    expect(apcv.ids.every((id) => ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"].includes(id))).toBe(true);
    const mss = await ask("l'action 12 de 2019");
    expect(mss.ids).toEqual(["virage-numerique-2019#action-12"]);
    expect(mss.answer).toContain("MSSanté");
    const count = await ask("combien d'actions en 2019 ?");
    expect(count.ids).toEqual(["virage-numerique-2019"]);
    expect(count.answer).toContain("26 actions");
  });
});

describe("structure answers follow the manifest", () => {
  it("counts the actions of the new roadmap, named by its alias or its period", async () => {
    for (const question of ["combien d'actions dans la feuille de route test ?", "combien d'actions dans fdr-test-2028 ?"]) {
      const a = await ask(question);
      expect(a.kind).toBe("structural");
      expect(a.ids).toEqual(["fdr-test-2028"]);
      expect(a.answer).toContain("Feuille de route test : 4 actions, réparties en 2 axes — Soins connectés (actions 1 à 2) ; Données et sobriété (actions 3 à 4).");
    }
  });

  it("lists its axes", async () => {
    const a = await ask("quels sont les axes de 2028 ?");
    expect(a.kind).toBe("structural");
    expect(a.ids).toEqual(["fdr-test-2028"]);
    expect(a.answer).toContain("Feuille de route test compte 2 axes :");
    expect(a.answer).toContain("• 2. Données et sobriété (actions 3 à 4)");
  });

  it("describes one of its actions", async () => {
    const a = await ask("l'action 3 de 2028");
    expect(a.kind).toBe("structural");
    expect(a.ids).toEqual(["fdr-test-2028#action-3"]);
    expect(a.answer).toContain("action 3 : « Mesurer l'empreinte carbone des serveurs de santé »");
    expect(a.answer).toContain("Bilan carbone annuel");
  });

  it("says which axis one of its actions belongs to", async () => {
    const a = await ask("dans quel axe est l'action 4 de 2028 ?");
    expect(a.kind).toBe("structural");
    expect(a.ids).toEqual(["fdr-test-2028#action-4"]);
    expect(a.answer).toContain("Données et sobriété");
  });

  it("says an action it does not have is missing", async () => {
    const a = await ask("l'action 9 de 2028");
    expect(a.ids).toEqual(["fdr-test-2028"]);
    expect(a.answer).toContain("Feuille de route test ne compte que 4 actions : il n'y a pas d'action 9.");
  });

  it("lists the new documents in help texts and refusals", async () => {
    for (const question of ["bonjour", "quelle est la recette de la tartiflette ?"]) {
      const a = await ask(question);
      expect(a.refused).toBe(true);
      expect(a.answer).toContain("ARS Occitanie · TéléOc");
      expect(a.answer).toContain("Feuille de route test");
    }
  });
});
