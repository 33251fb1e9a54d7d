import { beforeAll, describe, expect, it } from "vitest";
import { decide, DEFAULT_MODELS, Models, type DecisionTrace } from "../../src/decision/decide.js";
import { ANSWER_SIGNS, CANDIDATE_SIGNS, EXTRA_SIGNS, PIECE_SIGNS } from "../../src/decision/features.js";
import fitted from "../../src/decision/models.json" with { type: "json" };
import type { SearchIndex } from "../../src/index/build.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { understand } from "../../src/understanding/understand.js";
import { realIndex } from "../support/pipeline.js";

let index: SearchIndex;
let retriever: HybridRetriever;
beforeAll(async () => {
  index = await realIndex();
  retriever = new HybridRetriever(index);
});

async function decided(question: string) {
  const trace = {} as DecisionTrace;
  const result = await retriever.retrieve(understand(question, index.corpus));
  return { decision: decide(result, index.corpus, DEFAULT_MODELS, trace), trace };
}

describe("the fitted models", () => {
  it("parse, and read only features the extractors give, each with a declared direction", async () => {
    const models = Models.parse(fitted);
    const { trace } = await decided("c'est quoi l'ApCV ?");
    const given = {
      rerank: Object.keys(trace.candidates[0]!.features),
      answer: Object.keys(trace.answer),
      extra: Object.keys(trace.extras[0]!.features),
      piece: Object.keys(trace.pieces[0]!.features),
    };
    const signs = { rerank: CANDIDATE_SIGNS, answer: ANSWER_SIGNS, extra: EXTRA_SIGNS, piece: PIECE_SIGNS };
    for (const name of ["rerank", "answer", "extra", "piece"] as const) {
      for (const [i, f] of models[name].model.features.entries()) {
        expect(given[name], `${name}.${f}`).toContain(f);
        // A weight never points against its feature's declared direction.
        expect(models[name].model.weights[i]! * (signs[name][f] ?? 0), `${name}.${f}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(models.answer.closestAt).toBeLessThanOrEqual(models.answer.answerAt);
  });
});

describe("decide", () => {
  it("puts the plan in force first for a question about 'the roadmap' that names none, not when it names one", async () => {
    const unnamed = (await decided("What does the roadmap say about electronic prescriptions?")).decision;
    const ids = unnamed.ranked.slice(0, 5).map((c) => c.id);
    // Both the 2019 e-prescription action and its successor are candidates; the successor leads.
    expect(ids[0]).toBe("fdr-2023-2027#action-7");
    expect(ids).toContain("virage-numerique-2019#action-13");
    const named = (await decided("What did the 2019 roadmap say about electronic prescriptions?")).decision;
    expect(named.ranked[0]!.id).toBe("virage-numerique-2019#action-13");
  });

  it("answers a plain question, citing the action first", async () => {
    const { decision } = await decided("c'est quoi l'ApCV ?");
    expect(decision.verdict).toBe("answer");
    expect(decision.cite[0]!.id).toBe("fdr-2023-2027#action-13");
    expect(decision.topical).toBe(true);
  });

  it("cites each meaning of an ambiguous term from the document the glossary gives it first: the 2019 action, not the brief that repeats it", async () => {
    const { decision } = await decided("c'est quoi l'ENS ?");
    expect(decision.cite.map((c) => c.id).sort()).toEqual(["fdr-2023-2027#action-15", "virage-numerique-2019#action-15"]);
  });

  it("reads a place whose plans the corpus lacks as elsewhere, unless the text found speaks of it", async () => {
    const shown = await decided("Comment les pros se passent les infos en Nouvelle-Aquitaine, d'après la présentation de 2019 ?");
    expect(shown.trace.answer.elsewhere_mentioned).toBe(0);
    expect(shown.decision.verdict).toBe("answer");
    expect(shown.decision.cite[0]!.id).toBe("lancement-2019");
    expect((await decided("Le taux d'équipement en DMP des EHPAD d'Occitanie ?")).trace.answer.elsewhere_mentioned).toBe(1);
  });

  it.each(["recette de la blanquette de veau", "quel temps fera-t-il demain à Lyon ?"])("refuses '%s', and finds nothing topical to show", async (q) => {
    const { decision } = await decided(q);
    expect(decision.verdict).toBe("refuse");
    expect(decision.topical).toBe(false);
  });

  it.each(["Tell me a joke about accountants", "How do I fix a merge conflict in git?"])(
    "refuses '%s' outright: its words meet only curated wording, never the texts' own passages",
    async (q) => {
      const { decision } = await decided(q);
      expect(decision.p).toBeGreaterThanOrEqual(DEFAULT_MODELS.answer.closestAt);
      expect(decision.verdict).toBe("refuse");
    },
  );

  it("finds a question topical when the first citation speaks of a glossary term it names, not of a place alone", async () => {
    expect((await decided("Comment on candidate pour être accompagné par le Lab e-santé ?")).decision.topical).toBe(true);
    expect((await decided("T'as une recette de far breton facile ?")).decision).toMatchObject({ verdict: "refuse", topical: false });
  });

  it("quotes the measure that answers, not the action's first one", async () => {
    const { decision } = await decided("est-ce que les hôpitaux doivent faire des exercices de crise cyber ?");
    const top = decision.cite[0]!;
    expect(top.id).toBe("fdr-2023-2027#action-14");
    expect(decision.pieces(top, "measure", 1).map((m) => m.measure)).toEqual(["Exercices"]);
  });

  it("quotes the passage of a prose document that answers", async () => {
    const { decision } = await decided("Quelles sont les ambitions de la stratégie régionale de l'ARS Bretagne ?");
    const top = decision.cite[0]!;
    expect(top.id).toBe("ars-bretagne");
    expect(decision.pieces(top, "passage", 1)[0]!.body).toMatch(/^Les ambitions de la politique du numérique en santé :/);
  });
});
