import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addDocument, AddDocumentError, appendToManifest, manifestEntryFor, parsePeriod, parseYear, type NewDocument } from "../../src/corpus/add-document.js";
import { deriveLabel, LABEL_MAX } from "../../src/corpus/label.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { corpusErrorOf, lineOf, OCCITANIE, removeTempCorpora, tempCorpus, TEST_ROADMAP as ROADMAP } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

/** Every file of a corpus folder with its bytes, to show that a refused addition changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[relative(dir, path)] = readFileSync(path, "base64");
  }
  return files;
}

describe("manifestEntryFor", () => {
  it("fills the entry from the options, with a short label made from the title", () => {
    expect(manifestEntryFor(OCCITANIE)).toEqual({
      id: "ars-occitanie",
      kind: "prose",
      title: OCCITANIE.title,
      label: "ARS Occitanie · Programme régional",
      year: 2024,
      publisher: "ARS Occitanie",
      scope: "regional",
      region: "Occitanie",
      source: "sources/ars-occitanie.txt",
      aliases: ["ars occitanie", "occitanie"],
    });
    expect(manifestEntryFor({ ...ROADMAP, file: "/tmp/plan.md" })).toMatchObject({ source: "sources/fdr-test-2028.md", structure: "structure/fdr-test-2028.yaml", scope: "national" });
  });

  it("names the option at fault", () => {
    const error = (doc: Partial<NewDocument>) => () => manifestEntryFor({ ...OCCITANIE, ...doc });
    expect(error({ id: "ARS Occitanie" })).toThrow(new AddDocumentError('--id: "ARS Occitanie" must use only a-z, 0-9 and -'));
    expect(error({ kind: "essay" })).toThrow(new AddDocumentError('--kind: unknown kind "essay": expected roadmap or prose'));
    expect(error({ kind: "roadmap" })).toThrow(new AddDocumentError("--structure: a roadmap needs a structure file"));
    expect(error({ year: 24 })).toThrow(new AddDocumentError("--year: must be a year written with four digits, such as 2024"));
    expect(error({ period: [2023, 2027] })).toThrow(new AddDocumentError("--period: give year or period, not both"));
    expect(error({ year: undefined, period: [2027, 2023] })).toThrow(new AddDocumentError("--period: must be [first year, last year] with the first before the last"));
    expect(error({ publisher: "  " })).toThrow(new AddDocumentError("--publisher: expected the name of the institution that published the document, not an empty text"));
    expect(error({ title: "" })).toThrow(new AddDocumentError("--title: expected the document's full title, in quotes, not an empty text"));
    expect(error({ title: undefined as unknown as string })).toThrow(new AddDocumentError("--title: expected the document's full title, in quotes"));
    expect(error({ region: "" })).toThrow(new AddDocumentError("--region: expected the region's name, such as Occitanie, not an empty text"));
  });

  it("takes a document without publisher", () => {
    const entry = manifestEntryFor({ ...OCCITANIE, publisher: undefined });
    expect(entry).not.toHaveProperty("publisher");
    expect(entry.label).toBe("ARS Occitanie · Programme régional");
  });
});

describe("parsePeriod and parseYear", () => {
  it("accept a hyphen, the en and em dashes French pages use, and 'à'", () => {
    for (const text of ["2018-2023", "2018–2023", "2018—2023", "2018 – 2023", "2018 à 2023", " 2018-2023 "]) expect([text, parsePeriod(text)]).toEqual([text, [2018, 2023]]);
    expect(parsePeriod(undefined)).toBeUndefined();
    expect(parseYear("2024")).toBe(2024);
  });

  it("say what they expect, naming the option", () => {
    expect(() => parsePeriod("2018")).toThrow(new AddDocumentError('--period: expected the first and last years, such as 2018-2023 (or 2018–2023, 2018 à 2023), not "2018"'));
    expect(() => parsePeriod("2023–2018")).toThrow(new AddDocumentError('--period: the first year must come before the last, not "2023–2018"'));
    expect(() => parseYear("24")).toThrow(new AddDocumentError('--year: expected four digits, such as 2024, not "24"'));
  });
});

describe("deriveLabel", () => {
  it("makes a short label from the title, led by its name before ':' or by a short publisher or region", () => {
    expect(deriveLabel({ title: "ARS Occitanie : programme régional de télémédecine TéléOc" })).toBe("ARS Occitanie · Programme régional");
    expect(deriveLabel({ title: "Stratégie régionale du numérique en santé", publisher: "ARS Bretagne" })).toBe("ARS Bretagne · Stratégie régionale");
    expect(deriveLabel({ title: "Feuille de route e-santé", region: "Normandie" })).toBe("Normandie · Feuille de route e-santé");
    expect(deriveLabel({ title: "Accélérer le virage numérique : feuille de route du numérique en santé (Ma santé 2022)" })).toBe("Accélérer le virage numérique");
    expect(deriveLabel({ title: "Feuille de route du numérique en santé 2023-2027", publisher: "Délégation au numérique en santé" })).toBe("Feuille de route du numérique en santé");
    expect(deriveLabel({ title: "Programme e-santé de l'ARS Grand Est", publisher: "ARS Grand Est" })).toBe("Programme e-santé de l'ARS Grand Est");
    // No leading article, no repeat of the place the prefix names.
    expect(deriveLabel({ title: "La feuille de route régionale e-santé en Nouvelle-Aquitaine", publisher: "ARS Nouvelle-Aquitaine", region: "Nouvelle-Aquitaine" })).toBe(
      "ARS Nouvelle-Aquitaine · Feuille de route",
    );
  });

  it("keeps every label it makes within LABEL_MAX characters, ending on a full word", () => {
    const titles = ["Présentation de la feuille de route du numérique en santé, 25 avril 2019", "[Brève] Ma Santé 2022 : lancement du volet numérique", "x".repeat(60)];
    for (const title of titles) expect(deriveLabel({ title, publisher: "Magazine e-santé" }).length).toBeLessThanOrEqual(LABEL_MAX);
    expect(deriveLabel({ title: titles[0]! })).toBe("Présentation de la feuille de route");
  });
});

describe("appendToManifest", () => {
  const text = readFileSync(join(CORPUS_DIR, "manifest.yaml"), "utf8");

  it("splices the entry after the last document, keeping every other line as it was", () => {
    const updated = appendToManifest("manifest.yaml", text, manifestEntryFor(OCCITANIE));
    const block = [
      "  - id: ars-occitanie",
      "    kind: prose",
      '    title: "ARS Occitanie : programme régional de télémédecine TéléOc"',
      "    label: ARS Occitanie · Programme régional",
      "    year: 2024",
      "    publisher: ARS Occitanie",
      "    scope: regional",
      "    region: Occitanie",
      "    source: sources/ars-occitanie.txt",
      '    aliases: ["ars occitanie", "occitanie"]',
    ].join("\n");
    expect(text).toContain("\n\n# Curated files");
    expect(updated).toBe(text.replace("\n\n# Curated files", `\n\n${block}\n\n# Curated files`));
    const parsed = parse(updated) as { documents: { id: string }[]; glossary: string };
    expect(parsed.documents.at(-1)).toEqual(manifestEntryFor(OCCITANIE));
    expect(parsed.glossary).toBe("glossary.yaml");
    expect(updated).toContain("# Curated files, relative to corpus/");
  });

  it("refuses a manifest it cannot append to", () => {
    const entry = manifestEntryFor(OCCITANIE);
    expect(() => appendToManifest("corpus/manifest.yaml", "documents: []\n", entry)).toThrow('corpus/manifest.yaml:1: expected a block list under "documents:" to append to');
    expect(() => appendToManifest("corpus/manifest.yaml", "documents:\n  - id: a\n    id: b\n", entry)).toThrow(/^corpus\/manifest\.yaml:3: invalid YAML: /);
  });

  it("refuses an ID already in the manifest, at its line", () => {
    const taken = { ...OCCITANIE, id: "ars-bretagne" };
    expect(() => appendToManifest("corpus/manifest.yaml", text, manifestEntryFor(taken))).toThrow(
      `corpus/manifest.yaml:${lineOf(text, "- id: ars-bretagne")}: document id "ars-bretagne" is already taken: an ID is permanent, choose another one`,
    );
  });
});

describe("addDocument", () => {
  it("copies the text and the structure, appends the entry and returns the parsed document", () => {
    const { dir } = tempCorpus({ copyReal: true });
    const prose = addDocument(dir, OCCITANIE);
    expect(prose).toMatchObject({ id: "ars-occitanie", kind: "prose", scope: "regional", region: "Occitanie", year: 2024 });
    expect(prose.passages).toHaveLength(3);
    const roadmap = addDocument(dir, ROADMAP);
    expect(roadmap.actions.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(readFileSync(join(dir, "sources/fdr-test-2028.txt"), "utf8")).toBe(readFileSync(ROADMAP.file, "utf8"));
    expect(readFileSync(join(dir, "structure/fdr-test-2028.yaml"), "utf8")).toBe(readFileSync(ROADMAP.structureFile!, "utf8"));
    expect(loadCorpus(dir).documents.map((d) => d.id).slice(-2)).toEqual(["ars-occitanie", "fdr-test-2028"]);
  });

  it("refuses to overwrite a file, and changes nothing", () => {
    const { dir } = tempCorpus({ copyReal: true });
    writeFileSync(join(dir, "sources/ars-occitanie.txt"), "Un autre texte.\n");
    const before = snapshot(dir);
    expect(() => addDocument(dir, OCCITANIE)).toThrow(new AddDocumentError(`${join(dir, "sources/ars-occitanie.txt")} already exists: refusing to overwrite it`));
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a file that does not exist", () => {
    const { dir } = tempCorpus({ copyReal: true });
    expect(() => addDocument(dir, { ...OCCITANIE, file: "/nonexistent/texte.txt" })).toThrow(new AddDocumentError("/nonexistent/texte.txt: file not found"));
  });

  it("rolls back when the new text does not load", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const empty = join(root, "vide.txt");
    writeFileSync(empty, "");
    const before = snapshot(dir);
    expect(corpusErrorOf(root, () => addDocument(dir, { ...OCCITANIE, file: empty }))).toBe("corpus/sources/ars-occitanie.txt:1: the file is empty");
    expect(snapshot(dir)).toEqual(before);
  });

  it("rolls back a roadmap whose text does not match its structure", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const broken = join(root, "plan.txt");
    const text = readFileSync(ROADMAP.file, "utf8");
    writeFileSync(broken, text.replace("- 2. ", "- 3. "));
    const before = snapshot(dir);
    expect(corpusErrorOf(root, () => addDocument(dir, { ...ROADMAP, file: broken }))).toBe(
      `corpus/sources/fdr-test-2028.txt:${lineOf(text, "- 2. ")}: list item 3 where the structure expects action 2 (Soins connectés: actions 1-2)`,
    );
    expect(snapshot(dir)).toEqual(before);
  });
});
