import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
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
});
