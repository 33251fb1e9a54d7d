import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset, parseDataset } from "../../src/eval/dataset.js";

const line = (o: Record<string, unknown>) =>
  JSON.stringify({ id: "q1", question: "c'est quoi l'ApCV ?", lang: "fr", kind: "acronym", expected: ["fdr-2023-2027#action-13"], match: "any", ...o });

describe("parseDataset", () => {
  it("reads valid lines with their defaults and skips blank lines", () => {
    const { items, problems } = parseDataset(`${line({})}\n\n${line({ id: "q2", must_mention: ["ApCV"], notes: "n" })}\n`);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { id: "q1", question: "c'est quoi l'ApCV ?", lang: "fr", kind: "acronym", expected: ["fdr-2023-2027#action-13"], match: "any", must_mention: [], notes: "", assumes_absent: [] },
      { id: "q2", question: "c'est quoi l'ApCV ?", lang: "fr", kind: "acronym", expected: ["fdr-2023-2027#action-13"], match: "any", must_mention: ["ApCV"], notes: "n", assumes_absent: [] },
    ]);
  });

  it("reports a malformed line with its number and skips it, never counting it", () => {
    const text = [line({}), "{ pas du json", line({ id: "q3" })].join("\n");
    const { items, problems } = parseDataset(text);
    expect(items.map((i) => i.id)).toEqual(["q1", "q3"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message.startsWith("invalid JSON: ")).toBe(true);
  });

  it("reports a duplicate id at its second occurrence", () => {
    const { items, problems } = parseDataset([line({}), line({ question: "autre" }), line({ id: "q2" })].join("\n"));
    expect(items.map((i) => [i.id, i.question])).toEqual([
      ["q1", "c'est quoi l'ApCV ?"],
      ["q2", "c'est quoi l'ApCV ?"],
    ]);
    expect(problems).toEqual([{ line: 2, message: "duplicate id q1" }]);
  });

  it("rejects an out_of_scope question with expected citations, and an answerable one without", () => {
    const rule = "out_of_scope questions, and only they, have expected: []";
    const { items, problems } = parseDataset(
      [line({ id: "a", kind: "out_of_scope" }), line({ id: "b", expected: [] }), line({ id: "c", kind: "out_of_scope", expected: [] })].join("\n"),
    );
    expect(items.map((i) => i.id)).toEqual(["c"]);
    expect(problems).toEqual([
      { line: 1, message: `line: ${rule}` },
      { line: 2, message: `line: ${rule}` },
    ]);
  });

  it("names the field at fault", () => {
    const { problems } = parseDataset(
      [
        line({ expected: ["FDR 2023#action 1"] }),
        line({ kind: "trivia" }),
        line({ lang: "de" }),
        line({ extra: true }),
        JSON.stringify({ id: "q9", question: "" }),
      ].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(problems[0]!.message).toBe("expected.0: not a citation ID");
    expect(problems[1]!.message.startsWith("kind: ")).toBe(true);
    expect(problems[2]!.message.startsWith("lang: ")).toBe(true);
    expect(problems[3]!.message).toContain("extra");
    expect(problems[4]!.message.startsWith("question: ")).toBe(true);
  });

  it("accepts CRLF line endings", () => {
    const { items, problems } = parseDataset(`${line({})}\r\n${line({ id: "q2" })}\r\n`);
    expect(problems).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(["q1", "q2"]);
  });
});

describe("the public and held-out datasets", () => {
  it.each(["evals/dataset.jsonl", "evals/heldout.jsonl"])("%s parses without a problem", (file) => {
    const { items, problems } = loadDataset(resolve(import.meta.dirname, "../..", file));
    expect(problems).toEqual([]);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.kind === "out_of_scope").every((i) => i.expected.length === 0)).toBe(true);
  });

  it("share no question", () => {
    const pub = loadDataset(resolve(import.meta.dirname, "../../evals/dataset.jsonl")).items.map((i) => i.question);
    const held = loadDataset(resolve(import.meta.dirname, "../../evals/heldout.jsonl")).items.map((i) => i.question);
    expect(pub.filter((q) => held.includes(q))).toEqual([]);
  });
});
