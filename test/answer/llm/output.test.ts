import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parseGroundedOutput, partialAnswerText, RESPONSE_FORMAT } from "../../../src/answer/llm/output.js";

const reply = JSON.stringify({ answer: [{ text: "Une affirmation.", citations: ["fdr-2023-2027#action-13"] }], refused: false });

describe("structured output", () => {
  it("sends a strict JSON schema in which every field is required", () => {
    const schema = RESPONSE_FORMAT.json_schema.schema as unknown as { required: string[]; additionalProperties: boolean; properties: { answer: { items: { required: string[] } } } };
    expect(RESPONSE_FORMAT.json_schema.strict).toBe(true);
    expect(schema.required).toEqual(["answer", "refused"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.answer.items.required).toEqual(["text", "citations"]);
  });

  it("parses a reply, bare or in a Markdown fence", () => {
    expect(parseGroundedOutput(reply).answer[0]!.citations).toEqual(["fdr-2023-2027#action-13"]);
    expect(parseGroundedOutput("```json\n" + reply + "\n```").refused).toBe(false);
  });

  it("throws on empty, non-JSON or wrongly shaped replies", () => {
    expect(() => parseGroundedOutput("  ")).toThrow(SyntaxError);
    expect(() => parseGroundedOutput("Voici la réponse")).toThrow(SyntaxError);
    expect(() => parseGroundedOutput(JSON.stringify({ answer: "texte", refused: false }))).toThrow(ZodError);
    expect(() => parseGroundedOutput(JSON.stringify({ answer: [{ text: "t", citations: null }], refused: false }))).toThrow(ZodError);
  });
});

describe("partialAnswerText", () => {
  it("reads the statements written so far, one per line", () => {
    expect(partialAnswerText('{"answer":[{"text":"Première.","citations":["a"]},{"text":"Deux')).toBe("Première.\nDeux");
    expect(partialAnswerText('```json\n{"answer":[{"text":"Dé')).toBe("Dé");
    expect(partialAnswerText('{"answ')).toBe("");
  });

  it("never shows half an escape sequence", () => {
    expect(partialAnswerText('{"answer":[{"text":"caf\\u00')).toBe("caf");
    expect(partialAnswerText('{"answer":[{"text":"caf\\u00e9')).toBe("café");
    expect(partialAnswerText('{"answer":[{"text":"dit \\')).toBe("dit");
    expect(partialAnswerText('{"answer":[{"text":"a\\\\')).toBe("a\\");
  });
});
