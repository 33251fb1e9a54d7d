import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { helpExamples } from "../../src/answer/messages.js";
import { simplify } from "../../src/language/french.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { CORPUS_DIR } from "../support/pipeline.js";

const SRC = resolve(import.meta.dirname, "../../src");
const corpus = loadCorpus(CORPUS_DIR);

const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name: relative(resolve(SRC, ".."), join(SRC, name)), text: readFileSync(join(SRC, name), "utf8") }));

/** The text of every string, template and regular-expression literal of a file: what the code says, not its comments. */
function literals(name: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    node.forEachChild(visit);
  };
  visit(ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
  return out;
}

/** Whole-word occurrence, accents and case aside. */
function containsWord(literal: string, word: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${simplify(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`).test(simplify(literal));
}

describe("src/ knows no document of the corpus", () => {
  it("scans the code", () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(literals("x.ts", 'const a = "un"; // "deux"\nconst b = /trois/; const c = `quatre ${a} cinq`;')).toEqual(["un", "/trois/", "quatre ", " cinq"]);
  });

  // An ID holds hyphens, so in code it can only stand in a literal; comments may quote examples.
  it("names no document ID in its code", () => {
    const found = sources.flatMap(({ name, text }) =>
      literals(name, text).flatMap((literal) =>
        corpus.documents.filter((d) => new RegExp(`(^|[^a-z0-9-])${d.id}($|[^a-z0-9-])`).test(literal)).map((d) => `${name}: ${d.id}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("writes no document title or label, nor the title of a group, in its code", () => {
    const names = [
      ...corpus.documents.flatMap((d) => [d.title, d.label]),
      ...corpus.documents.flatMap((d) => d.groups.flatMap((g) => [g.title, g.short].filter((t): t is string => !!t))),
    ].map(simplify);
    const found = sources.flatMap(({ name, text }) =>
      literals(name, text).flatMap((literal) => names.filter((n) => simplify(literal).includes(n)).map((n) => `${name}: "${n}"`)),
    );
    expect(found).toEqual([]);
  });

  it("writes no group name a structure file gives (axe, orientation…): they come from corpus/structure/", () => {
    const names = [...new Set(corpus.documents.flatMap((d) => [d.groupName, d.groupNameEn]).filter((n): n is string => !!n))];
    expect(names.length).toBeGreaterThan(0);
    const found = sources.flatMap(({ name, text }) =>
      literals(name, text).flatMap((literal) => names.filter((n) => containsWord(literal, n) || containsWord(literal, `${n}s`) || containsWord(literal, `${n}es`)).map((n) => `${name}: "${n}"`)),
    );
    expect(found).toEqual([]);
  });

  it("writes no acronym the texts use (DMP, ApCV, INS…): words about the corpus come from corpus/glossary.yaml and the texts", () => {
    // An acronym: a glossary term in capitals ("ApCV" counts) that stands in one of the source texts.
    const texts = corpus.documents.flatMap((d) => [...d.passages.map((p) => p.text), ...d.actions.flatMap((a) => [a.title, ...a.measures.map((m) => `${m.title ?? ""} ${m.text ?? ""}`)])]).join("\n");
    const capitals = (t: string) => t.replace(/[^\p{Lu}]/gu, "").length;
    const acronyms = [...new Set(corpus.glossary.flatMap((e) => e.terms))]
      .filter((t) => /^\p{Lu}[\p{L}\d]*$/u.test(t) && capitals(t) >= 2 && capitals(t) * 2 >= t.length)
      .filter((t) => new RegExp(`(^|[^\\p{L}])${t}($|[^\\p{L}])`, "u").test(texts));
    expect(acronyms).toEqual(expect.arrayContaining(["DMP", "ApCV", "INS", "ENS"]));
    const found = sources.flatMap(({ name, text }) =>
      literals(name, text).flatMap((literal) => acronyms.filter((a) => new RegExp(`(^|[^\\p{L}\\d])${a}($|[^\\p{L}\\d])`, "iu").test(literal)).map((a) => `${name}: "${a}"`)),
    );
    expect(found).toEqual([]);
  });

  // The help (Slack's short help, prompts, `aide`, Home tab; the assistant's own help) shows these
  // examples: derived from the corpus, so none may stand written in the code, "action 14" included.
  it("writes no help example in its code", () => {
    const examples = [...new Set((["fr", "en"] as const).flatMap((lang) => Object.values(helpExamples(corpus, lang)).flat()))];
    expect(examples).toEqual(expect.arrayContaining(["action 14", "les axes de 2023-2027", "et en 2019 ?", "combien d'actions en 2019 ?"]));
    expect(containsWord('`${COMMAND} action 14`, `', "action 14")).toBe(true);
    expect(containsWord("Exemples : « Les axes de 2023-2027 »", "les axes de 2023-2027")).toBe(true);
    const found = sources.flatMap(({ name, text }) =>
      literals(name, text).flatMap((literal) => examples.filter((e) => containsWord(literal, e)).map((e) => `${name}: "${e}"`)),
    );
    expect(found).toEqual([]);
  });
});
