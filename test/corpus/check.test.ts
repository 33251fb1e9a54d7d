import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addDocument } from "../../src/corpus/add-document.js";
import { checkCorpus, formatDocument, formatSummary } from "../../src/corpus/check.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { showDocument } from "../../src/corpus/show.js";
import { corpusWithNewDocuments } from "../../src/eval/new-documents.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { addNewDocuments, corpusErrorOf, lineOf, removeTempCorpora, tempCorpus } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

const PROSE_FIXTURES = resolve(import.meta.dirname, "../fixtures/prose");

/** A copy of the real corpus with one of the prose fixtures added as `id`. */
function corpusWithPage(fixture: string, id: string, label = "Page test") {
  const { root, dir } = tempCorpus({ copyReal: true });
  addDocument(dir, { file: join(PROSE_FIXTURES, fixture), id, title: `Page ${id}`, label, kind: "prose", publisher: "Test" });
  return { root, dir };
}

describe("corpus check", () => {
  it("names the acronyms the added texts define and the glossary lacks, read from the texts", () => {
    const summary = checkCorpus(corpusWithNewDocuments(CORPUS_DIR, resolve(import.meta.dirname, "../../evals/new-documents/documents.json")));
    expect(summary.definedAcronyms).toEqual(["CRIV", "ESEA", "CRIS"]);
    expect(formatSummary(summary)).toContain(`Glossary: ${summary.glossaryEntries} entries, with 3 acronyms the texts define (CRIV, ESEA, CRIS): corpus/glossary.yaml can give them everyday words.`);
    expect(checkCorpus(CORPUS_DIR).definedAcronyms).toEqual([]);
  });

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
      expect(byId.get(id)!.lines).toMatchObject({ lost: [], twice: [] });
    }
    expect(summary.warnings).toEqual([]);
    expect(summary.draftEntries).toEqual([]);

    const report = formatSummary(summary);
    expect(report).toMatch(/^Corpus OK: 5 documents — 2 roadmaps \(44 actions, \d+ measures\), 3 prose documents\.\n/);
    expect(report).toContain("\nvirage-numerique-2019  roadmap  Feuille de route 2019 (2019)  ← sources/virage-numerique-2019.txt\n  26 actions, 0 measures, 1 passage\n");
    expect(report).toContain("\n  orientation 5  Soutenir l'innovation et favoriser l'engagement des acteurs  actions 18-26\n");
    expect(report).toMatch(/\n {2}axe 4 {2}Cadre propice {2}actions 14-18 \(\d+ measures\)\n/);
    expect(report).toContain(
      "\nars-bretagne  prose  ARS Bretagne · Stratégie régionale  ← sources/ars-bretagne.txt\n  13 passages from 21 non-empty lines: 19 in passages, 1 heading, 1 chrome line; none lost\n",
    );
    expect(report).not.toContain("warning");
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
      "  3 passages from 7 non-empty lines: 3 in passages, 4 headings; none lost",
    ]);
  });

  it("warns, with file and line, on headings in a row, a heading like a list item and a very long passage", () => {
    const { root, dir } = corpusWithPage("formes-suspectes.txt", "formes-suspectes");
    const summary = checkCorpus(dir);
    const warnings = summary.warnings.map((w) => `${w.file.replace(`${root}/`, "")}:${w.line}: ${w.message}`);
    expect(warnings).toEqual([
      'corpus/sources/formes-suspectes.txt:1: 6 headings in a row (lines 1-6): a list or short paragraphs read as headings? Mark list items ("- ", "•", "1)") or end sentences with a full stop',
      'corpus/sources/formes-suspectes.txt:6: the heading "Axe 1 : Un axe seul suivi d\'un paragraphe" looks like a list item: a list needs two or more items marked alike, or a bullet',
      "corpus/sources/formes-suspectes.txt:9: a passage of 2236 characters (lines 9-9), indexed in about 3 pieces: a missing blank line, heading or full stop?",
    ]);
    expect(formatSummary(summary)).toContain("\n\n3 warnings (the corpus loads; look at these shapes):\nwarning: ");
  });

  it("suggests a shorter label for a long one, at its manifest line", () => {
    const { dir } = tempCorpus({ copyReal: true });
    addDocument(dir, {
      file: join(PROSE_FIXTURES, "entretien.txt"),
      id: "entretien-test",
      title: "Trois questions sur la télésanté en région",
      label: "Trois questions sur la télésanté en région : entretien",
      kind: "prose",
      publisher: "ARS Test",
    });
    const manifest = readFileSync(join(dir, "manifest.yaml"), "utf8");
    expect(checkCorpus(dir).warnings).toEqual([
      {
        file: join(dir, "manifest.yaml"),
        line: lineOf(manifest, "Trois questions sur la télésanté en région : entretien"),
        message: 'the label of entretien-test has 54 characters and every citation shows it: a shorter one, such as "ARS Test · Trois questions" (at most 40)',
      },
    ]);
  });

  it("proves the real corpus and the test pages lose no line", () => {
    const { dir } = tempCorpus({ copyReal: true });
    for (const name of ["feuille-de-route-regionale", "entretien", "axes-en-sections"]) {
      addDocument(dir, { file: join(PROSE_FIXTURES, `${name}.txt`), id: name, title: name, label: name, kind: "prose", publisher: "Test" });
    }
    for (const d of checkCorpus(dir).documents.filter((x) => x.kind === "prose")) {
      expect([d.id, d.lines!.lost, d.lines!.twice]).toEqual([d.id, [], []]);
      expect(d.lines!.inPassages + d.lines!.roles.heading + d.lines!.roles.chrome + d.lines!.roles.caption).toBe(d.lines!.nonEmpty);
    }
  });

  it("stops at the first defect with its file and line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    writeFileSync(join(dir, "sources/ars-bretagne.txt"), "");
    expect(corpusErrorOf(root, () => checkCorpus(dir))).toBe("corpus/sources/ars-bretagne.txt:1: the file is empty");
  });
});

describe("corpus show", () => {
  it("prints a web page's passages with their sections and lines, and the chrome it skipped", () => {
    const { dir } = corpusWithPage("feuille-de-route-regionale.txt", "page-ars");
    const doc = loadCorpus(dir).documents.find((d) => d.id === "page-ars")!;
    const shown = showDocument(dir, doc).split("\n");
    expect(shown.slice(0, 16)).toEqual([
      "page-ars  prose  Page test  ← sources/page-ars.txt",
      "  6 passages from 30 non-empty lines: 17 in passages, 2 headings, 10 chrome lines, 1 caption; none lost",
      "",
      "l.1  chrome  Accueil > Nos actions > E-santé",
      "l.2  heading  Feuille de route régionale du numérique en santé 2023-2028",
      "l.4  chrome  Article",
      "l.6  chrome  Mis à jour le 12 mars 2024",
      "l.7  chrome  Partager",
      "l.8  chrome  Imprimer",
      "l.10  chrome  Visuel",
      "l.11  caption  Claire Martin, directrice de la stratégie de l'ARS",
      "l.12  chrome  Crédit photo : ARS",
      "l.14  chrome  Corps de texte",
      "passage 1  l.15  § Feuille de route régionale du numérique en santé 2023-2028",
      "    L'Agence régionale de santé a adopté sa feuille de route du numérique en santé pour la période 2023-2028. Elle a été construite avec les usagers, les professionnels et les établissements de la région.",
      "passage 2  l.16-23  § Feuille de route régionale du numérique en santé 2023-2028",
    ]);
    expect(shown.slice(16, 24)).toEqual([
      "    La feuille de route s'organise autour de sept axes",
      "    Axe 1 : Gouverner le numérique en santé avec les acteurs du territoire",
      "    Axe 2 : Sécuriser les systèmes d'information des établissements",
      "    Axe 3 : Généraliser les services socles",
      "    Axe 4 : Développer la télésanté dans les zones rurales",
      "    Axe 5 : Accompagner les usagers éloignés du numérique",
      "    Axe 6 : Former les professionnels",
      "    Axe 7 : Évaluer et partager les résultats",
    ]);
    expect(shown.slice(-5)).toEqual([
      "l.35  heading  Pour en savoir plus",
      "passage 6  l.36  § Pour en savoir plus",
      "    Contactez la mission e-santé de l'agence.",
      "l.38  chrome  Partagez cet article",
      "l.39  chrome  Sommaire de l'article",
    ]);
  });

  it("prints a roadmap's actions and measures with their lines", () => {
    const doc = loadCorpus(CORPUS_DIR).documents.find((d) => d.id === "fdr-2023-2027")!;
    const shown = showDocument(CORPUS_DIR, doc).split("\n");
    expect(shown[0]).toBe("fdr-2023-2027  roadmap  Feuille de route 2023-2027 (2023-2027)  ← sources/fdr-2023-2027.txt");
    expect(shown).toContain("axe 1  Prévention");
    expect(shown.filter((l) => /^ {2}action \d+ {2}l\.\d+ {2}/.test(l))).toHaveLength(18);
    expect(shown.filter((l) => /^ {4}measure \d+ {2}l\.\d+ {2}/.test(l))).toHaveLength(doc.actions.reduce((n, a) => n + a.measures.length, 0));
  });
});
