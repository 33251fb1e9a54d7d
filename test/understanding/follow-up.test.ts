import { beforeAll, describe, expect, it } from "vitest";
import { resolveFollowUp } from "../../src/understanding/follow-up.js";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import type { Turn } from "../../src/answer/schema.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/schema.js";
import { CORPUS_DIR, realPipeline } from "../support/pipeline.js";

let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus(CORPUS_DIR);
});

const thread = (question: string, citations: string[] = []): Turn[] => [
  { role: "user", text: question, citations: [] },
  { role: "assistant", text: "…", citations },
];

const rewriteFollowUp = (q: string, history: Turn[], c: Corpus) => resolveFollowUp(q, history, c).text;

describe("resolveFollowUp", () => {
  it("'et en 2019 ?' asks the previous question of 2019, without its old period", () => {
    expect(rewriteFollowUp("et en 2019 ?", thread("Que prévoit la feuille de route 2023-2027 sur le DMP ?"), corpus)).toBe(
      "Que prévoit la feuille de route sur le DMP en 2019 ?",
    );
    expect(rewriteFollowUp("et en 2019 ?", thread("Que dit la feuille de route sur le DMP ?"), corpus)).toBe("Que dit la feuille de route sur le DMP en 2019 ?");
  });

  it("'détaille la deuxième' is the second action the last answer cited", () => {
    const cites = ["fdr-2023-2027", "fdr-2023-2027#action-13", "virage-numerique-2019#action-7", "lancement-2019"];
    expect(rewriteFollowUp("détaille la deuxième", thread("c'est quoi l'ApCV ?", cites), corpus)).toBe("action 7 2019");
    expect(rewriteFollowUp("détaille la première", thread("c'est quoi l'ApCV ?", cites), corpus)).toBe("action 13 2023-2027");
    expect(rewriteFollowUp("explique la dernière", thread("c'est quoi l'ApCV ?", cites), corpus)).toBe("action 7 2019");
    expect(rewriteFollowUp("explique l'avant-dernière", thread("c'est quoi l'ApCV ?", cites), corpus)).toBe("action 13 2023-2027");
    expect(rewriteFollowUp("tell me more about the first", thread("What is ApCV?", cites), corpus)).toBe("action 13 2023-2027");
  });

  it("an ordinal beyond the cited actions is not rewritten into an action", () => {
    const cites = ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"];
    expect(rewriteFollowUp("détaille la troisième", thread("c'est quoi l'ApCV ?", cites), corpus)).toBe("détaille la troisième");
  });

  it("a short follow-up takes the previous question's subject", () => {
    expect(rewriteFollowUp("et la cybersécurité ?", thread("c'est quoi l'ApCV ?"), corpus)).toBe("c'est quoi l'ApCV — et la cybersécurité ?");
  });

  it("'in English?' asks the previous question again, in English; 'en français ?' back in French", () => {
    const r = resolveFollowUp("in English?", thread("c'est quoi l'ApCV ?", ["fdr-2023-2027#action-13"]), corpus);
    expect(r).toEqual({ text: "c'est quoi l'ApCV ?", followUp: { kind: "language", from: "c'est quoi l'ApCV ?" }, lang: "en" });
    expect(resolveFollowUp("en français ?", thread("What is ApCV?"), corpus).lang).toBe("fr");
  });

  it("'l'action suivante' is the next action of the roadmap the last answer cited; 'la précédente' the one before", () => {
    const cites = ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"];
    expect(resolveFollowUp("et l'action suivante ?", thread("c'est quoi l'ApCV ?", cites), corpus)).toMatchObject({ text: "action 14 2023-2027", followUp: { kind: "next" } });
    expect(resolveFollowUp("la précédente ?", thread("c'est quoi l'ApCV ?", cites), corpus).text).toBe("action 12 2023-2027");
    // There is no action 19 in 2023-2027: nothing to resolve.
    expect(resolveFollowUp("l'action suivante", thread("cadre propice", ["fdr-2023-2027#action-18"]), corpus).followUp).toBeNull();
  });

  it("a follow-up with no language of its own keeps the thread's", () => {
    expect(resolveFollowUp("2019 ?", thread("What does the roadmap say about the DMP?"), corpus).lang).toBe("en");
  });

  it("leaves a question that stands on its own, or one with no history, as it is", () => {
    const q = "quelle action parle de la cybersécurité des établissements ?";
    expect(rewriteFollowUp(q, thread("c'est quoi l'ApCV ?", ["fdr-2023-2027#action-13"]), corpus)).toBe(q);
    expect(rewriteFollowUp("et en 2019 ?", [], corpus)).toBe("et en 2019 ?");
  });
});

describe("follow-ups through the pipeline", () => {
  let pipeline: AnswerPipeline;
  beforeAll(async () => {
    pipeline = await realPipeline();
  });

  it("'et en 2019 ?' after a DMP question answers with 2019's DMP action", async () => {
    const first = await pipeline.ask("Que prévoit la feuille de route 2023-2027 sur le DMP ?");
    expect(first.citations[0]!.id).toBe("fdr-2023-2027#action-6");
    const history: Turn[] = [
      { role: "user", text: first.question, citations: [] },
      { role: "assistant", text: first.answer, citations: first.citations.map((c) => c.id) },
    ];
    const a = await pipeline.ask("et en 2019 ?", { history });
    expect(a.question).toBe("et en 2019 ?");
    expect(a.standalone_question).toBe("Que prévoit la feuille de route sur le DMP en 2019 ?");
    expect(a.citations[0]!.id).toBe("virage-numerique-2019#action-11");
    // Only documents of 2019 are cited.
    const of2019 = ["virage-numerique-2019", "breve-virage-2019", "lancement-2019"];
    expect(a.citations.filter((c) => !of2019.includes(c.id.split("#")[0]!))).toEqual([]);
    expect(a.lang).toBe("fr");
  });

  const apcvThread: Turn[] = thread("c'est quoi l'ApCV ?", ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"]);

  it("'détaille la deuxième' answers with the second action cited before", async () => {
    const a = await pipeline.ask("détaille la deuxième", { history: apcvThread });
    expect(a.standalone_question).toBe("action 7 2019");
    expect(a.kind).toBe("structural");
    expect(a.citations).toEqual([{ id: "virage-numerique-2019#action-7", label: "Feuille de route 2019 · Orientation 2 (Sécurité et interopérabilité) · Action 7" }]);
  });

  it("'détaille la deuxième', asked in French, is answered in French", async () => {
    const a = await pipeline.ask("détaille la deuxième", { history: apcvThread });
    expect(a.lang).toBe("fr");
    expect(a.answer.startsWith("Feuille de route 2019, orientation 2 « Sécurité et interopérabilité » — action 7 : ")).toBe(true);
  });
});
