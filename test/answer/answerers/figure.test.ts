import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerPipeline, type AnswerPipeline } from "../../../src/answer/pipeline.js";
import { silentLogger } from "../../../src/config/log.js";
import { corpusWithNewDocuments } from "../../../src/eval/new-documents.js";
import { localEmbedder } from "../../../src/index/embedder.js";
import { openIndex } from "../../../src/index/open.js";

const ROOT = resolve(import.meta.dirname, "../../..");

// The Grand Est page of evals/new-documents gives a target ("150 EHPAD équipés d'ici fin 2025")
// and a count to date ("concerne déjà 1 800 patients") in one list.
let pipeline: AnswerPipeline;
beforeAll(async () => {
  const corpusDir = corpusWithNewDocuments(resolve(ROOT, "corpus"), resolve(ROOT, "evals/new-documents/documents.json"));
  const { embeddings, info } = localEmbedder();
  const indexDir = join(mkdtempSync(join(tmpdir(), "fdr-index-")), "index");
  const index = await openIndex({ corpusDir, indexDir, embeddings, embedder: info, log: silentLogger });
  pipeline = createAnswerPipeline({ index, log: silentLogger });
}, 120_000);

describe("answerFigure, and a comparison on the same added documents", () => {
  it("asked how many to date, says the texts give only a target when the sentence with the figure says nothing of the present", async () => {
    const a = await pipeline.ask("Combien d'EHPAD du Grand Est sont déjà équipés en téléconsultation ?");
    expect(a).toMatchObject({ refused: true, lang: "fr" });
    expect(a.answer.startsWith("Les textes que je couvre ne donnent pas ce chiffre à ce jour, et je préfère ne pas deviner. Ce qu'ils donnent, à vérifier :")).toBe(true);
    expect(a.answer).toContain("150 EHPAD équipés d'ici fin 2025");
    expect(a.citations.map((c) => c.id)).toEqual(["ars-grand-est"]);
  });

  it("counts the items of a list the text introduces with what is counted, and shows the list", async () => {
    const a = await pipeline.ask("ARS Bretagne : combien d'ambitions pour le numérique en santé ?");
    expect(a.refused).toBe(false);
    expect(a.answer).toMatch(/^ARS Bretagne · Stratégie régionale en énumère 5 : « Les ambitions de la politique du numérique en santé : - renforcer la gouvernance du numérique en santé - /);
    expect(a.citations.map((c) => c.id)).toEqual(["ars-bretagne"]);
  });

  it("counts what a pronoun refers to: 'nous en comptons soixante-dix-huit' after the CPTS are named", async () => {
    const a = await pipeline.ask("Combien de CPTS en Nouvelle-Aquitaine ?");
    expect(a.refused).toBe(false);
    expect(a.answer).toContain("Nous en comptons soixante-dix-huit en région");
    expect(a.citations.map((c) => c.id)).toEqual(["ars-nouvelle-aquitaine"]);
  });

  it("takes a figure only from the document the question names: a Grand Est count does not answer about Lozère", async () => {
    const a = await pipeline.ask("Combien de téléconsultations ont été réalisées en Lozère en 2023 ?");
    expect(a).toMatchObject({ refused: true });
    expect(a.answer.startsWith("Les textes que je couvre ne donnent pas ce chiffre, et je préfère ne pas deviner.")).toBe(true);
    expect(a.citations.map((c) => c.id)).toEqual(["ars-occitanie"]);
  });

  it("compares a named document with the national roadmap when nothing else is asked", async () => {
    const a = await pipeline.ask("La stratégie du Grand Est colle-t-elle à la feuille de route nationale ?");
    expect(a).toMatchObject({ refused: false, kind: "compare" });
    expect(a.citations.map((c) => c.id).sort()).toEqual(expect.arrayContaining(["ars-grand-est"]));
    expect(a.citations.some((c) => c.id.startsWith("fdr-2023-2027"))).toBe(true);
  });

  it("answers how many to date when the sentence with the figure says where things stand", async () => {
    const a = await pipeline.ask("Combien de patients insuffisants cardiaques sont déjà télésurveillés dans le Grand Est ?");
    expect(a.refused).toBe(false);
    expect(a.answer).toContain("qui concerne déjà 1 800 patients");
    expect(a.citations.map((c) => c.id)).toEqual(["ars-grand-est"]);
  });
});
