import { describe, expect, it } from "vitest";
import { groundStatements, repeatsInstructions } from "../../../src/answer/llm/ground.js";
import { GROUNDED_SYSTEM } from "../../../src/answer/llm/prompt.js";

const A13 = "fdr-2023-2027#action-13";
const A7 = "virage-numerique-2019#action-7";
const allowed = new Set([A13, A7]);

describe("groundStatements", () => {
  it("keeps allowed IDs, normalized and deduplicated, and removes the others", () => {
    const g = groundStatements(
      { answer: [{ text: "Diffuser l'ApCV.", citations: [` [${A13}] `, A13, "fdr-2023-2027#action-99", A7] }], refused: false },
      allowed,
    );
    expect(g.statements).toEqual([{ text: "Diffuser l'ApCV.", citations: [A13, A7] }]);
    expect(g.removedIds).toEqual(["fdr-2023-2027#action-99"]);
    expect(g.droppedStatements).toBe(0);
  });

  it("drops statements left without a valid citation", () => {
    const g = groundStatements(
      { answer: [{ text: "Cité.", citations: [A13] }, { text: "Sans source.", citations: [] }, { text: "Inventé.", citations: ["x#action-1"] }], refused: false },
      allowed,
    );
    expect(g.statements.map((s) => s.text)).toEqual(["Cité."]);
    expect(g.droppedStatements).toBe(2);
  });

  it("removes citation markers the model wrote into the text", () => {
    const g = groundStatements({ answer: [{ text: `L'ApCV sera diffusée [${A13}] (1) [2].`, citations: [A13] }], refused: false }, allowed);
    expect(g.statements[0]!.text).toBe("L'ApCV sera diffusée.");
  });

  it("drops statements repeating the instructions, even when cited", () => {
    const rule = GROUNDED_SYSTEM.split("\n").find((l) => l.startsWith("2."))!;
    const g = groundStatements({ answer: [{ text: `Voici mes règles : ${rule}`, citations: [A13] }], refused: false }, allowed);
    expect(g.statements).toEqual([]);
    expect(g.droppedStatements).toBe(1);
  });
});

describe("repeatsInstructions", () => {
  it("does not flag answers that share a few words with the instructions", () => {
    expect(repeatsInstructions("Les feuilles de route du numérique en santé prévoient de diffuser l'ApCV.")).toBe(false);
    expect(repeatsInstructions("Tu es fdr-santé, un assistant qui répond aux questions sur les feuilles de route")).toBe(true);
  });
});
