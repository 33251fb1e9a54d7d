import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { passageOpening } from "../../src/corpus/schema.js";
import { corpusErrorOf, lineOf, removeTempCorpora, tempCorpus } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

// A two-document corpus small enough to read its line numbers off the page.
const MANIFEST = `documents:
  - id: note-a
    kind: prose
    title: "Note A"
    label: Note A
    year: 2024
    publisher: Éditeur test
    source: sources/note-a.txt
  - id: plan-b
    kind: roadmap
    title: "Plan B"
    label: Plan B
    period: [2024, 2026]
    publisher: Éditeur test
    source: sources/plan-b.txt
    structure: structure/plan-b.yaml
`;

const NOTE = "Note A\nPremier paragraphe de la note.\nSecond paragraphe de la note.\n";
const PLAN = "Plan B\nIntroduction du plan.\nPremière action du plan.\nDeuxième action du plan.\nTroisième action du plan.\n";
const STRUCTURE = `layout: lines
first_action_line: 3
group_name: volet
group_name_en: strand
groups:
  - number: 1
    title: Premier volet
    actions: [1, 2]
  - number: 2
    title: Second volet
    actions: [3, 3]
`;

interface Files {
  manifest?: string;
  note?: string | Uint8Array;
  plan?: string;
  structure?: string;
}

/** Writes the small corpus, with any of its files replaced. */
function miniCorpus(files: Files = {}): { root: string; dir: string } {
  const { root, dir } = tempCorpus();
  mkdirSync(join(dir, "sources"), { recursive: true });
  mkdirSync(join(dir, "structure"));
  writeFileSync(join(dir, "manifest.yaml"), files.manifest ?? MANIFEST);
  writeFileSync(join(dir, "sources/note-a.txt"), files.note ?? NOTE);
  writeFileSync(join(dir, "sources/plan-b.txt"), files.plan ?? PLAN);
  writeFileSync(join(dir, "structure/plan-b.yaml"), files.structure ?? STRUCTURE);
  return { root, dir };
}

/** The error loading the small corpus raises. */
function errorOf(files: Files): string {
  const { root, dir } = miniCorpus(files);
  return corpusErrorOf(root, () => loadCorpus(dir));
}

function manifestWith(from: string, to: string): Files {
  expect(MANIFEST).toContain(from);
  return { manifest: MANIFEST.replace(from, to) };
}

describe("the manifest", () => {
  it("loads a valid corpus", () => {
    const corpus = loadCorpus(miniCorpus().dir);
    expect(corpus.documents.map((d) => [d.id, d.kind, d.actions.length, d.passages.length])).toEqual([
      ["note-a", "prose", 0, 2],
      ["plan-b", "roadmap", 3, 1],
    ]);
    expect(corpus.documents[1]!.groups.map((g) => g.actions)).toEqual([[1, 2], [3]]);
  });

  it("refuses an unknown kind", () => {
    expect(errorOf(manifestWith("kind: prose", "kind: essay"))).toBe(
      'corpus/manifest.yaml:3: kind: unknown kind "essay": expected roadmap or prose',
    );
  });

  it("refuses a missing kind", () => {
    expect(errorOf(manifestWith("    kind: prose\n", ""))).toBe("corpus/manifest.yaml:2: kind: missing: expected roadmap or prose");
  });

  it("refuses a duplicate ID, naming both lines", () => {
    expect(errorOf(manifestWith("id: plan-b", "id: note-a"))).toBe(
      'corpus/manifest.yaml:9: duplicate document id "note-a" (first declared at line 2)',
    );
  });

  it("refuses an ID outside [a-z0-9-]", () => {
    expect(errorOf(manifestWith("id: note-a", "id: Note_A"))).toBe('corpus/manifest.yaml:2: id: "Note_A" must use only a-z, 0-9 and -');
    expect(errorOf(manifestWith("id: plan-b", 'id: "plan b"'))).toBe('corpus/manifest.yaml:9: id: "plan b" must use only a-z, 0-9 and -');
  });

  it("refuses a missing source file", () => {
    expect(errorOf(manifestWith("sources/note-a.txt", "sources/absent.txt"))).toBe(
      "corpus/manifest.yaml:8: file not found: corpus/sources/absent.txt",
    );
  });

  it("refuses a missing structure file", () => {
    expect(errorOf(manifestWith("structure/plan-b.yaml", "structure/absent.yaml"))).toBe(
      "corpus/manifest.yaml:16: file not found: corpus/structure/absent.yaml",
    );
  });

  it("refuses a roadmap without structure, and a prose document with one", () => {
    expect(errorOf(manifestWith("    structure: structure/plan-b.yaml\n", ""))).toBe(
      "corpus/manifest.yaml:9: structure: a roadmap needs a structure file",
    );
    expect(errorOf(manifestWith("    source: sources/note-a.txt\n", "    source: sources/note-a.txt\n    structure: structure/plan-b.yaml\n"))).toBe(
      "corpus/manifest.yaml:9: structure: a prose document takes no structure file",
    );
  });

  it("refuses an unknown key on its own line", () => {
    expect(errorOf(manifestWith("    publisher: Éditeur test\n    source: sources/note-a.txt", "    publisher: Éditeur test\n    editor: X\n    source: sources/note-a.txt"))).toBe(
      "corpus/manifest.yaml:8: editor: unknown key",
    );
    expect(errorOf({ manifest: `${MANIFEST}index: .index\n` })).toBe("corpus/manifest.yaml:17: index: unknown key");
  });

  it("refuses a malformed year or period", () => {
    const year = "must be a year written with four digits, such as 2024";
    expect(errorOf(manifestWith("year: 2024", "year: 24"))).toBe(`corpus/manifest.yaml:6: year: ${year}`);
    expect(errorOf(manifestWith("year: 2024", 'year: "2024"'))).toBe(`corpus/manifest.yaml:6: year: ${year}`);
    expect(errorOf(manifestWith("year: 2024", "year: 2024.5"))).toBe(`corpus/manifest.yaml:6: year: ${year}`);
    expect(errorOf(manifestWith("period: [2024, 2026]", "period: 2024-2026"))).toBe(
      "corpus/manifest.yaml:13: period: must be [first year, last year], such as [2024, 2028]",
    );
    expect(errorOf(manifestWith("period: [2024, 2026]", "period: [2026, 2024]"))).toBe(
      "corpus/manifest.yaml:13: period: must be [first year, last year] with the first before the last",
    );
    expect(errorOf(manifestWith("period: [2024, 2026]", "period: [2024, 26]"))).toBe(`corpus/manifest.yaml:13: period: ${year}`);
    expect(errorOf(manifestWith("    year: 2024\n", "    year: 2024\n    period: [2024, 2026]\n"))).toBe(
      "corpus/manifest.yaml:7: period: give year or period, not both",
    );
  });

  it("refuses a missing field, a regional document without region and a path outside the corpus", () => {
    expect(errorOf(manifestWith('    title: "Note A"\n', ""))).toBe("corpus/manifest.yaml:2: title: required");
    expect(errorOf(manifestWith("    publisher: Éditeur test\n    source: sources/note-a.txt", "    publisher: Éditeur test\n    scope: regional\n    source: sources/note-a.txt"))).toBe(
      "corpus/manifest.yaml:8: scope: a regional document needs region",
    );
    expect(errorOf(manifestWith("sources/note-a.txt", "../note-a.txt"))).toBe(
      "corpus/manifest.yaml:8: source: must be a path inside the corpus folder, such as sources/<id>.txt",
    );
  });

  it("takes a document without label or publisher: the label is made from the title", () => {
    const { dir } = miniCorpus(manifestWith('    title: "Note A"\n    label: Note A\n    year: 2024\n    publisher: Éditeur test\n', '    title: "ARS Test : note sur la télésanté en région"\n    year: 2024\n'));
    const note = loadCorpus(dir).documents[0]!;
    expect([note.label, note.publisher]).toEqual(["ARS Test · Note sur la télésanté", null]);
    expect(errorOf(manifestWith("    publisher: Éditeur test\n    source: sources/note-a", '    publisher: " "\n    source: sources/note-a'))).toBe(
      "corpus/manifest.yaml:7: publisher: expected the name of the institution that published the document, not an empty text",
    );
  });

  it("refuses invalid YAML and a missing manifest", () => {
    expect(errorOf(manifestWith("    label: Note A\n", "    label: Note A\n    label: Note B\n"))).toMatch(/^corpus\/manifest\.yaml:6: invalid YAML: /);
    const { root, dir } = tempCorpus();
    expect(corpusErrorOf(root, () => loadCorpus(dir))).toBe("corpus/manifest.yaml:1: file not found");
  });
});

describe("a structure description", () => {
  it("refuses groups whose ranges leave a gap", () => {
    expect(errorOf({ structure: STRUCTURE.replace("actions: [3, 3]", "actions: [4, 4]") })).toBe(
      "corpus/structure/plan-b.yaml:11: groups must number actions 1..N without gap or overlap: group 2 starts at action 4, expected 3",
    );
  });

  it("refuses an unknown layout and an unknown key", () => {
    expect(errorOf({ structure: STRUCTURE.replace("layout: lines", "layout: table") })).toMatch(/^corpus\/structure\/plan-b\.yaml:1: layout: /);
    expect(errorOf({ structure: STRUCTURE.replace("    title: Second volet", "    title: Second volet\n    subtitle: x") })).toBe(
      "corpus/structure/plan-b.yaml:11: groups.subtitle: unknown key",
    );
  });
});

describe("a source text", () => {
  it("refuses invalid UTF-8 at its line", () => {
    const latin1 = Buffer.concat([Buffer.from("Note A\nPremier paragraphe.\nCaf"), Buffer.from([0xe9]), Buffer.from(" en Latin-1.\n")]);
    expect(errorOf({ note: latin1 })).toBe("corpus/sources/note-a.txt:3: not valid UTF-8: save the file as UTF-8");
  });

  it("refuses binary content at its line", () => {
    expect(errorOf({ note: Buffer.from("Note A\nPremier\0 paragraphe.\n") })).toBe(
      "corpus/sources/note-a.txt:2: binary content (NUL byte): expected a UTF-8 text file",
    );
  });

  it("refuses an empty file", () => {
    expect(errorOf({ note: "" })).toBe("corpus/sources/note-a.txt:1: the file is empty");
    expect(errorOf({ note: "\n  \n" })).toBe("corpus/sources/note-a.txt:1: the file is empty");
  });

  it("refuses a lines roadmap with one line too few, at its last action line", () => {
    expect(errorOf({ plan: PLAN.replace("Troisième action du plan.\n", "") })).toBe(
      "corpus/sources/plan-b.txt:4: the structure announces 3 actions (one per line from line 3), the file has 2",
    );
  });
});

describe("the real roadmaps, damaged", () => {
  it("a lines roadmap with one line too few names the file and its last action line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const file = join(dir, "sources/virage-numerique-2019.txt");
    const lines = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, lines.slice(0, -1).join("\n"));
    expect(corpusErrorOf(root, () => loadCorpus(dir))).toBe(
      `corpus/sources/virage-numerique-2019.txt:${lines.length - 1}: the structure announces 26 actions (one per line from line 3), the file has 25`,
    );
  });

  it("a sections roadmap whose numbered list skips a number names the file and the line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const file = join(dir, "sources/fdr-2023-2027.txt");
    const text = readFileSync(file, "utf8");
    const line = lineOf(text, "- 3. ");
    writeFileSync(file, text.replace(/^- 3\. .*\n/m, ""));
    expect(corpusErrorOf(root, () => loadCorpus(dir))).toBe(
      `corpus/sources/fdr-2023-2027.txt:${line}: list item 4 where the structure expects action 3 (Prévention: actions 1-5)`,
    );
  });

  it("generated questions listed under a measure the action does not have name the file and the line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const asked = "Qui choisit quels soignants voient mes données ?";
    const doc2query = (title: string) => `actions:\n  fdr-2023-2027#action-3:\n    questions:\n      - ${asked}\n    pieces:\n      ${title}:\n        - ${asked}\n`;
    writeFileSync(join(dir, "doc2query.yaml"), doc2query("Contrôle des accès"));
    expect(corpusErrorOf(root, () => loadCorpus(dir))).toBe('corpus/doc2query.yaml:7: "fdr-2023-2027#action-3" has no measure "Contrôle des accès"');
    writeFileSync(join(dir, "doc2query.yaml"), doc2query("Contrôle d'accès aux données"));
    const entry = loadCorpus(dir).enrichment.actions["fdr-2023-2027#action-3"]!;
    expect(entry.pieces).toEqual({ "Contrôle d'accès aux données": [asked] });
    expect(entry.questions).toContain(asked);
  });

  it("generated questions listed under a passage a document does not open with name the file and the line", () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const opening = passageOpening(loadCorpus(dir).documents.find((d) => d.id === "ars-bretagne")!.passages[2]!.text);
    const asked = "Le Ségur, ça sert à quoi selon la région ?";
    const doc2query = (name: string) => `documents:\n  ars-bretagne:\n    questions:\n      - ${asked}\n    pieces:\n      "${name}":\n        - ${asked}\n`;
    writeFileSync(join(dir, "doc2query.yaml"), doc2query("Un passage que le texte n'a pas"));
    expect(corpusErrorOf(root, () => loadCorpus(dir))).toBe(`corpus/doc2query.yaml:7: "ars-bretagne" has no passage opening with "Un passage que le texte n'a pas"`);
    writeFileSync(join(dir, "doc2query.yaml"), doc2query(opening));
    expect(loadCorpus(dir).enrichment.documents["ars-bretagne"]!.pieces).toEqual({ [opening]: [asked] });
    // The command that rewrites the generated questions reads the texts without them.
    writeFileSync(join(dir, "doc2query.yaml"), doc2query("Un passage que le texte n'a pas"));
    expect(loadCorpus(dir, { doc2query: false }).enrichment.documents["ars-bretagne"]?.pieces).toEqual({});
  });
});
