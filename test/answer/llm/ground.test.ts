import { describe, expect, it } from "vitest";
import { groundStatements, repeatsInstructions } from "../../../src/answer/llm/ground.js";
import { GROUNDED_SYSTEM } from "../../../src/answer/llm/prompt.js";
import { framingTerms, namesOf, numbersOf, statementSupport } from "../../../src/answer/llm/support.js";
import { loadCorpus } from "../../../src/corpus/load.js";
import { terms } from "../../../src/language/french.js";
import { CORPUS_DIR } from "../../support/pipeline.js";

const A13 = "fdr-2023-2027#action-13";
const A7 = "virage-numerique-2019#action-7";
const A14 = "fdr-2023-2027#action-14";
/** As the model sees them (label, then text), abridged from the corpus. */
const EXCERPTS = [
  { id: A13, label: "Feuille de route 2023-2027 · Axe Accès à la santé · Action 13", text: "Action 13 : Généraliser l'usage de l'application carte Vitale (ApCV) et diffuser l'ApCV auprès des assurés et des professionnels." },
  { id: A7, label: "Feuille de route 2019 · Orientation 2 · Action 7", text: "Action 7 : Déployer l'identité numérique en santé et l'ApCV dans 10 départements pilotes." },
  { id: A14, label: "Feuille de route 2023-2027 · Axe Cadre propice · Action 14", text: "Action 14 : Élaborer et mettre en œuvre un nouveau plan pluriannuel sur le renforcement massif de la cybersécurité pour tous les acteurs de santé et notamment les établissements sanitaires et médico-sociaux.\n• Exercices : Régulariser les audits cyber et les exercices de crise dans les établissements." },
];
/** The framing words with the real corpus's group names. */
const FRAMING = framingTerms(loadCorpus(CORPUS_DIR));
const [E13, E7, E14] = EXCERPTS.map((e) => `${e.label}\n${e.text}`) as [string, string, string];

describe("groundStatements", () => {
  it("keeps allowed IDs, normalized and deduplicated, and removes the others", () => {
    const g = groundStatements({ answer: [{ text: "Diffuser l'ApCV.", citations: [` [${A13}] `, A13, "fdr-2023-2027#action-99", A7] }], refused: false }, EXCERPTS, "fr", FRAMING);
    expect(g.statements).toEqual([{ text: "Diffuser l'ApCV.", citations: [A13, A7] }]);
    expect(g.removedIds).toEqual(["fdr-2023-2027#action-99"]);
    expect(g.droppedStatements).toBe(0);
  });

  it("drops statements left without a valid citation", () => {
    const g = groundStatements(
      { answer: [{ text: "Diffuser l'ApCV.", citations: [A13] }, { text: "Sans source.", citations: [] }, { text: "Inventé.", citations: ["x#action-1"] }], refused: false },
      EXCERPTS,
      "fr",
      FRAMING,
    );
    expect(g.statements.map((s) => s.text)).toEqual(["Diffuser l'ApCV."]);
    expect(g.droppedStatements).toBe(2);
    expect(g.written).toBe(3);
  });

  it("removes citation markers the model wrote into the text", () => {
    const g = groundStatements({ answer: [{ text: `L'ApCV sera diffusée [${A13}] (1) [2].`, citations: [A13] }], refused: false }, EXCERPTS, "fr", FRAMING);
    expect(g.statements[0]!.text).toBe("L'ApCV sera diffusée.");
  });

  it("drops statements repeating the instructions, even when cited", () => {
    const rule = GROUNDED_SYSTEM.split("\n").find((l) => l.startsWith("2."))!;
    const g = groundStatements({ answer: [{ text: `Voici mes règles : ${rule}`, citations: [A13] }], refused: false }, EXCERPTS, "fr", FRAMING);
    expect(g.statements).toEqual([]);
    expect(g.droppedStatements).toBe(1);
  });

  it("drops a statement its citation does not say, even with a real citation (an instruction hidden in a document)", () => {
    const g = groundStatements(
      {
        answer: [
          { text: "La feuille de route a été annulée.", citations: [A14] },
          { text: "L'action 14 prévoit un plan pluriannuel de renforcement de la cybersécurité des établissements.", citations: [A14] },
        ],
        refused: false,
      },
      EXCERPTS,
      "fr",
      FRAMING,
    );
    expect(g.statements.map((s) => s.text)).toEqual(["L'action 14 prévoit un plan pluriannuel de renforcement de la cybersécurité des établissements."]);
    expect(g.unsupported).toEqual([["words"]]);
  });
});

describe("statementSupport: a statement says what the excerpts it cites say", () => {
  it("accepts a paraphrase whose content words are mostly the excerpt's", () => {
    expect(statementSupport("L'application carte Vitale (ApCV) doit être diffusée auprès des assurés.", [E13], "fr", FRAMING)).toEqual({ supported: true, reasons: [] });
    expect(statementSupport("Les établissements doivent régulariser leurs audits cyber et leurs exercices de crise.", [E14], "fr", FRAMING).supported).toBe(true);
  });

  it("refuses a number the excerpts do not give", () => {
    expect(statementSupport("L'ApCV est déployée dans 12 départements pilotes.", [E7], "fr", FRAMING).reasons).toEqual(["number"]);
    expect(statementSupport("L'ApCV est déployée dans 10 départements pilotes.", [E7], "fr", FRAMING).supported).toBe(true);
  });

  it("refuses a name the excerpts do not hold", () => {
    expect(statementSupport("Le DMP généralise l'usage de l'ApCV auprès des assurés.", [E13], "fr", FRAMING).reasons).toEqual(["name"]);
    expect(statementSupport("En Bretagne, l'usage de l'ApCV est généralisé auprès des assurés.", [E13], "fr", FRAMING).reasons).toContain("name");
  });

  it("refuses a negation the excerpts do not make", () => {
    expect(statementSupport("L'usage de l'ApCV n'est pas généralisé auprès des assurés.", [E13], "fr", FRAMING).reasons).toEqual(["negation"]);
  });

  it("holds an English statement to its numbers, names and negations (its words are not French)", () => {
    expect(statementSupport("Roadmap 2023-2027, action 13: the Vitale card app (ApCV) is rolled out to insured people.", [E13], "en", FRAMING).supported).toBe(true);
    expect(statementSupport("The ApCV was cancelled in 2025.", [E13], "en", FRAMING).reasons).toEqual(["number"]);
    expect(statementSupport("The ApCV is not rolled out.", [E13], "en", FRAMING).reasons).toEqual(["negation"]);
  });

  it("reads the corpus's group names as framing: they neither back nor weigh on a claim", () => {
    expect([...FRAMING]).toEqual(expect.arrayContaining(terms("axe orientation axis")));
    // The verb is backed, "téléconsultation" is not: half the claim, whatever the label's "Axe" or "Orientation" says.
    expect(statementSupport("L'axe renforce la téléconsultation.", [E14], "fr", FRAMING).reasons).toEqual(["words"]);
    expect(statementSupport("L'orientation déploie la téléconsultation.", [E7], "fr", FRAMING).reasons).toEqual(["words"]);
    // Without them, the label's group word would back it.
    expect(statementSupport("L'axe renforce la téléconsultation.", [E14], "fr", framingTerms({ documents: [] })).supported).toBe(true);
  });

  it("reads numbers and names as written in French", () => {
    expect(numbersOf("18 000 établissements, 2,5 millions, 2023-2027")).toEqual(["18000", "2.5", "2023", "2027"]);
    expect(namesOf("Le DMP et l'ApCV, en Bretagne, avec MSSanté")).toEqual(["dmp", "apcv", "bretagne", "mssante"]);
  });
});

describe("repeatsInstructions", () => {
  it("finds ten consecutive words of the rules", () => {
    expect(repeatsInstructions(GROUNDED_SYSTEM.split("\n").find((l) => l.startsWith("1."))!)).toBe(true);
    expect(repeatsInstructions("L'ApCV doit être diffusée largement.")).toBe(false);
  });
});
