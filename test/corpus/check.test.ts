import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCorpus, formatDocument, formatSummary } from "../../src/corpus/check.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { addNewDocuments, corpusErrorOf, removeTempCorpora, tempCorpus } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

describe("corpus check", () => {
  it("says what each document of the real corpus yields", () => {
    const summary = checkCorpus(CORPUS_DIR);
    const byId = new Map(summary.documents.map((d) => [d.id, d]));
    const ranges = (id: string) => byId.get(id)!.groups.map((g) => [g.number, g.first, g.last]);

    expect(summary.documents.map((d) => d.id)).toEqual(["virage-numerique-2019", "breve-virage-2019", "lancement-2019", "fdr-2023-2027", "ars-bretagne"]);
    expect(byId.get("virage-numerique-2019")).toMatchObject({ kind: "roadmap", actions: 26, measures: 0, groupName: "orientation" });
    expect(ranges("virage-numerique-2019")).toEqual([[1, 1, 3], [2, 4, 10], [3, 11, 14], [4, 15, 17], [5, 18, 26]]);
    expect(byId.get("fdr-2023-2027")).toMatchObject({ kind: "roadmap", actions: 18, groupName: "axe" });
    expect(ranges("fdr-2023-2027")).toEqual([[1, 1, 5], [2, 6, 9], [3, 10, 13], [4, 14, 18]]);
    for (const id of ["breve-virage-2019", "lancement-2019", "ars-bretagne"]) {
      expect(byId.get(id)).toMatchObject({ kind: "prose", actions: 0, groups: [] });
      expect(byId.get(id)!.passages).toBeGreaterThan(0);
    }

    const report = formatSummary(summary);
    expect(report).toMatch(/^Corpus OK: 5 documents — 2 roadmaps \(44 actions, \d+ measures\), 3 prose documents\.\n/);
    expect(report).toContain("\nvirage-numerique-2019  roadmap  Feuille de route 2019 (2019)  ← sources/virage-numerique-2019.txt\n  26 actions, 0 measures, 1 passage\n");
    expect(report).toContain("\n  orientation 5  Soutenir l'innovation et favoriser l'engagement des acteurs  actions 18-26\n");
    expect(report).toMatch(/\n {2}axe 4 {2}Cadre propice {2}actions 14-18 \(\d+ measures\)\n/);
  });

  it("shows a new document's parse in full", () => {
    const { dir } = tempCorpus({ copyReal: true });
    addNewDocuments(dir);
    const summary = checkCorpus(dir);
    expect(summary.documents).toHaveLength(7);
    expect(formatDocument(summary.documents.find((d) => d.id === "fdr-test-2028")!)).toEqual([
      "fdr-test-2028  roadmap  Feuille de route test (2028-2032)  ← sources/fdr-test-2028.txt",
      "  4 actions, 6 measures, 2 passages",
      "  axe 1  Soins connectés  actions 1-2 (3 measures)",
      "  axe 2  Données et sobriété  actions 3-4 (3 measures)",
    ]);
    expect(formatDocument(summary.documents.find((d) => d.id === "ars-occitanie")!)).toEqual([
      "ars-occitanie  prose  ARS Occitanie · TéléOc (2024)  ← sources/ars-occitanie.txt",
      "  3 passages",
    ]);
  });

  it("stops at the first defect with its file and line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    writeFileSync(join(dir, "sources/ars-bretagne.txt"), "");
    expect(corpusErrorOf(root, () => checkCorpus(dir))).toBe("corpus/sources/ars-bretagne.txt:1: the file is empty");
  });
});
