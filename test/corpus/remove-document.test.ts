import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addDocument } from "../../src/corpus/add-document.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { formatRemoval, removeDocument, RemoveDocumentError, removeFromManifest } from "../../src/corpus/remove-document.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { lineOf, OCCITANIE, removeTempCorpora, tempCorpus, TEST_ROADMAP } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

const text = readFileSync(join(CORPUS_DIR, "manifest.yaml"), "utf8");

/** The manifest's lines from the one holding `from` up to, not including, the one holding `to`. */
function linesBetween(from: string, to: string): string {
  const lines = text.split("\n");
  return lines.slice(lineOf(text, from) - 1, lineOf(text, to) - 1).join("\n") + "\n";
}

describe("removeFromManifest", () => {
  it("cuts out one entry and the blank line after it, and nothing else", () => {
    const removed = removeFromManifest("manifest.yaml", text, "lancement-2019");
    const block = linesBetween("- id: lancement-2019", "- id: fdr-2023-2027");
    expect(block.startsWith("  - id: lancement-2019\n    kind: prose\n")).toBe(true);
    expect(block.endsWith("\n\n")).toBe(true);
    expect(removed).toEqual({ text: text.replace(block, ""), source: "sources/lancement-2019.txt", structure: null });
  });

  it("removes the last entry before the curated files and their comments", () => {
    const removed = removeFromManifest("manifest.yaml", text, "ars-bretagne");
    expect(removed.text).toBe(text.replace(linesBetween("- id: ars-bretagne", "# Curated files"), ""));
    expect(removed.text).toContain('aliases: ["feuille de route 2023-2027", "2023-2027", "2023", "nouvelle feuille de route", "fdr 2023"]\n\n# Curated files');
  });

  it("names the documents when the ID is not one of them, and keeps the last document", () => {
    expect(() => removeFromManifest("m.yaml", text, "ars-bzh")).toThrow(
      new RemoveDocumentError('no document "ars-bzh" in m.yaml; its documents: virage-numerique-2019, breve-virage-2019, lancement-2019, fdr-2023-2027, ars-bretagne'),
    );
    const one = "documents:\n  - id: seul\n    kind: prose\n    title: Seul\n    source: sources/seul.txt\n";
    expect(() => removeFromManifest("m.yaml", one, "seul")).toThrow(new RemoveDocumentError('"seul" is the only document of m.yaml: a corpus needs at least one'));
  });
});

describe("removeDocument", () => {
  it("removes a document added by corpus add: the corpus is then as before", () => {
    const { dir } = tempCorpus({ copyReal: true });
    const before = readFileSync(join(dir, "manifest.yaml"), "utf8");
    addDocument(dir, OCCITANIE);
    addDocument(dir, TEST_ROADMAP);
    const roadmap = removeDocument(dir, "fdr-test-2028");
    expect(roadmap.deleted).toEqual([join(dir, "sources/fdr-test-2028.txt"), join(dir, "structure/fdr-test-2028.yaml")]);
    removeDocument(dir, "ars-occitanie");
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(before);
    expect(existsSync(join(dir, "sources/ars-occitanie.txt"))).toBe(false);
    expect(existsSync(join(dir, "structure/fdr-test-2028.yaml"))).toBe(false);
    expect(loadCorpus(dir).documents).toHaveLength(5);
  });

  it("lists the curation entries and evaluation lines that still name the ID, without editing them", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const evals = join(root, "evals");
    mkdirSync(evals);
    const dataset = [
      '{"question": "Qui pilote le Ségur numérique en Bretagne ?", "expected": ["ars-bretagne"]}',
      '{"question": "Et en Normandie ?", "expected": []}',
      '{"question": "Pas ars-bretagne-2", "expected": ["ars-bretagne-2"]}',
    ].join("\n");
    writeFileSync(join(evals, "dataset.jsonl"), dataset);
    const enrichment = readFileSync(join(dir, "enrichment.yaml"), "utf8");

    const removal = removeDocument(dir, "ars-bretagne", evals);
    expect(removal.curation).toEqual([
      { file: join(dir, "enrichment.yaml"), line: lineOf(enrichment, "  ars-bretagne:"), text: "ars-bretagne:" },
      { file: join(dir, "doc2query.yaml"), line: lineOf(readFileSync(join(dir, "doc2query.yaml"), "utf8"), "  ars-bretagne:"), text: "ars-bretagne:" },
      { file: join(dir, "correspondence.yaml"), line: lineOf(readFileSync(join(dir, "correspondence.yaml"), "utf8"), "named in ars-bretagne"), text: "#  19 HOP'EN (named in ars-bretagne, not in 2023-2027)" },
    ]);
    expect(removal.evaluations.map((r) => [r.line, r.text])).toEqual([[1, '{"question": "Qui pilote le Ségur numérique en Bretagne ?", "expected": ["ars-bretagne"]}']]);
    expect(readFileSync(join(dir, "enrichment.yaml"), "utf8")).toBe(enrichment);
    expect(readFileSync(join(evals, "dataset.jsonl"), "utf8")).toBe(dataset);

    const report = formatRemoval("ars-bretagne", "corpus", removal).split("\n");
    expect(report[0]).toBe(`Removed ars-bretagne from corpus/manifest.yaml and deleted ${join(dir, "sources/ars-bretagne.txt")}.`);
    expect(report[1]).toBe(
      "These curation entries still name ars-bretagne; the corpus will not load (corpus check, ingest, the bot's start) until you remove them — remove does not edit them:",
    );
    expect(report).toContain("These evaluation lines still name ars-bretagne and will expect a document that is gone — remove does not edit them:");
  });

  it("changes nothing when the ID is unknown", () => {
    const { dir } = tempCorpus({ copyReal: true });
    expect(() => removeDocument(dir, "inconnu")).toThrow(RemoveDocumentError);
    expect(() => removeDocument(dir, "Pas Un ID")).toThrow(new RemoveDocumentError('ID: "Pas Un ID" must use only a-z, 0-9 and -'));
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(text);
  });
});
