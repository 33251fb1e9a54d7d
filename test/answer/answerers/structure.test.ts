import { beforeAll, describe, expect, it } from "vitest";
import { answerStructureBySearch } from "../../../src/answer/answerers/structure.js";
import { CitationList } from "../../../src/answer/citations.js";
import type { SearchIndex } from "../../../src/index/build.js";
import { decide } from "../../../src/decision/decide.js";
import { HybridRetriever } from "../../../src/retrieval/retriever.js";
import { understand } from "../../../src/understanding/understand.js";
import { realIndex } from "../../support/pipeline.js";

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

async function context(question: string) {
  const u = understand(question, index.corpus);
  const result = await new HybridRetriever(index).retrieve(u);
  return { u, corpus: index.corpus, out: new CitationList(index.corpus), result, decision: decide(result, index.corpus) };
}

describe("answerStructureBySearch", () => {
  it("counts the measures of the action the search found, even when the decision doubts a question made of structure words", async () => {
    const c = await context("Combien de mesures dans l'action sur la téléconsultation et la télésurveillance ?");
    expect(c.u.structure).toBe("action_measures");
    const doubted = { ...c, decision: { ...c.decision, verdict: "refuse" as const, topical: true } };
    expect(answerStructureBySearch(doubted)).toEqual({ kind: "structural", refused: false });
    expect(doubted.out.citations().map((x) => x.id)).toEqual(["fdr-2023-2027#action-11"]);
  });

  it("passes when the refused question is on no topic of the texts", async () => {
    const c = await context("Combien de mesures dans l'action sur la téléconsultation et la télésurveillance ?");
    expect(answerStructureBySearch({ ...c, decision: { ...c.decision, verdict: "refuse", topical: false } })).toBeNull();
  });
});
