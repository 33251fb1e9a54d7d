import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lineOf, NEW_DOCUMENTS, removeTempCorpora, tempCorpus } from "../support/temp-corpus.js";

afterAll(removeTempCorpora);

const REPO = resolve(import.meta.dirname, "../..");

/** Root ignores permissions: a command that must meet them runs as this user, owning the corpus. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry));
}

/** `npm run corpus -- ARGS` run from the temporary root, so the corpus is its ./corpus folder. */
function corpusCli(root: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return corpusCliAs({}, root, ...args);
}

function corpusCliAs(user: { uid?: number; gid?: number }, root: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      join(REPO, "node_modules/.bin/tsx"),
      [join(REPO, "src/app/commands/corpus.ts"), ...args],
      { cwd: root, env: { ...process.env, CORPUS_DIR: "corpus" }, encoding: "utf8", ...user },
      (error, stdout, stderr) => done({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const ADD_OCCITANIE = [
  "add",
  join(NEW_DOCUMENTS, "ars-occitanie.txt"),
  "--id", "ars-occitanie",
  "--title", "ARS Occitanie : programme régional de télémédecine TéléOc",
  "--kind", "prose",
  "--year", "2024",
  "--publisher", "ARS Occitanie",
  "--label", "ARS Occitanie · TéléOc",
  "--region", "Occitanie",
  "--alias", "ars occitanie",
  "--alias", "occitanie",
];

// Each test has its own temporary corpus: they run side by side, as each command starts a process.
describe.concurrent("npm run corpus -- check", () => {
  it("prints what each document yields", async () => {
    const { root } = tempCorpus({ copyReal: true });
    const { status, stdout, stderr } = await corpusCli(root, "check");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Corpus OK: 5 documents — 2 roadmaps \(44 actions, \d+ measures\), 3 prose documents\./);
    expect(stdout).toContain("  orientation 2  Intensifier la sécurité et l'interopérabilité des systèmes d'information en santé  actions 4-10\n");
    expect(stdout).toMatch(/ {2}axe 1 {2}Prévention {2}actions 1-5 \(\d+ measures\)\n/);
  });

  it("exits 1 with the file and line of the first defect", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const manifest = readFileSync(join(dir, "manifest.yaml"), "utf8");
    writeFileSync(join(dir, "manifest.yaml"), manifest.replace("kind: prose", "kind: article"));
    const { status, stdout, stderr } = await corpusCli(root, "check");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`fdr-santé: corpus/manifest.yaml:${lineOf(manifest, "kind: prose")}: kind: unknown kind "article": expected roadmap or prose\n`);
  });
});

describe.concurrent("npm run corpus -- show", () => {
  it("prints a document's passages with their sections and source lines", async () => {
    const { root } = tempCorpus({ copyReal: true });
    const { status, stdout, stderr } = await corpusCli(root, "show", "ars-bretagne");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain(
      "l.1  heading  Stratégie régionale du numérique en santé\n" +
        "l.3  chrome  Article\n" +
        "passage 1  l.5  § Stratégie régionale du numérique en santé\n" +
        "    Depuis 3 ans, l’ARS Bretagne décline",
    );
    expect(stdout).toContain("passage 3  l.9-14  § Stratégie régionale du numérique en santé\n    Les ambitions de la politique du numérique en santé :\n    - renforcer");
  });

  it("names the documents it knows when the ID is not one of them", async () => {
    const { root } = tempCorpus({ copyReal: true });
    const { status, stderr } = await corpusCli(root, "show", "ars-bzh");
    expect(status).toBe(1);
    expect(stderr).toBe(
      'fdr-santé: no document "ars-bzh" in corpus/manifest.yaml; its documents: virage-numerique-2019, breve-virage-2019, lancement-2019, fdr-2023-2027, ars-bretagne\n',
    );
  });
});

describe.concurrent("npm run corpus -- add", () => {
  it("adds a prose document, which check then lists", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const added = await corpusCli(root, ...ADD_OCCITANIE);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toBe(
      "Added to the corpus:\n" +
        "ars-occitanie  prose  ARS Occitanie · TéléOc (2024)  ← sources/ars-occitanie.txt\n" +
        "  3 passages from 7 non-empty lines: 3 in passages, 4 headings; none lost\n" +
        "See its passages with npm run corpus -- show ars-occitanie\n" +
        "Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).\n",
    );
    expect(readFileSync(join(dir, "sources/ars-occitanie.txt"), "utf8")).toBe(readFileSync(join(NEW_DOCUMENTS, "ars-occitanie.txt"), "utf8"));
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toContain('  - id: ars-occitanie\n    kind: prose\n');
    expect((await corpusCli(root, "check")).stdout).toMatch(/^Corpus OK: 6 documents/);
  });

  it("adds a roadmap with its structure description", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const { status, stdout } = await corpusCli(
      root, "add", join(NEW_DOCUMENTS, "fdr-test-2028.txt"),
      "--structure", join(NEW_DOCUMENTS, "fdr-test-2028.yaml"),
      "--id", "fdr-test-2028", "--title", "Feuille de route test 2028-2032", "--label", "Feuille de route test",
      "--kind", "roadmap", "--period", "2028-2032", "--publisher", "Équipe fdr-santé",
    );
    expect(status).toBe(0);
    expect(stdout).toContain("  axe 2  Données et sobriété  actions 3-4 (3 measures)\n");
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toContain("    period: [2028, 2032]\n");
  });

  it("refuses to overwrite, and changes nothing", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    writeFileSync(join(dir, "sources/ars-occitanie.txt"), "Un autre texte.\n");
    const manifest = readFileSync(join(dir, "manifest.yaml"), "utf8");
    const { status, stderr } = await corpusCli(root, ...ADD_OCCITANIE);
    expect(status).toBe(1);
    expect(stderr).toBe("fdr-santé: corpus/sources/ars-occitanie.txt already exists: refusing to overwrite it\nNothing was added: the corpus is as it was.\n");
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(manifest);
    expect(readFileSync(join(dir, "sources/ars-occitanie.txt"), "utf8")).toBe("Un autre texte.\n");
  });

  it("rolls back a document that does not load", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const manifest = readFileSync(join(dir, "manifest.yaml"), "utf8");
    writeFileSync(join(root, "latin1.txt"), Buffer.from([0x54, 0x65, 0x78, 0x74, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x2e, 0x0a]));
    const { status, stderr } = await corpusCli(root, ...ADD_OCCITANIE.map((a, i) => (i === 1 ? "latin1.txt" : a)));
    expect(status).toBe(1);
    expect(stderr).toBe("fdr-santé: corpus/sources/ars-occitanie.txt:2: not valid UTF-8: save the file as UTF-8\nNothing was added: the corpus is as it was.\n");
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(manifest);
    expect(existsSync(join(dir, "sources/ars-occitanie.txt"))).toBe(false);
  });

  it("explains what is wrong with the command line", async () => {
    const { root } = tempCorpus({ copyReal: true });
    const kind = await corpusCli(root, ...ADD_OCCITANIE.map((a) => (a === "prose" ? "essay" : a)));
    expect(kind.status).toBe(1);
    expect(kind.stderr).toBe('fdr-santé: --kind: unknown kind "essay": expected roadmap or prose\nNothing was added: the corpus is as it was.\n');
    const missing = await corpusCli(root, "add", "x.txt", "--id", "x");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^fdr-santé: add needs --title, --kind\nusage:/);
    const unknown = await corpusCli(root, "delete");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^fdr-santé: unknown command "delete"\nusage:/);
    const period = await corpusCli(root, ...ADD_OCCITANIE.filter((a) => a !== "--year" && a !== "2024"), "--period", "2018/2023");
    expect(period.stderr).toBe('fdr-santé: --period: expected the first and last years, such as 2018-2023 (or 2018–2023, 2018 à 2023), not "2018/2023"\nNothing was added: the corpus is as it was.\n');
  });

  it("adds a web page with no publisher, an en dash in its period and no label", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const { status, stdout, stderr } = await corpusCli(
      root, "add", join(REPO, "test/fixtures/prose/feuille-de-route-regionale.txt"),
      "--id", "fdr-regionale", "--title", "Feuille de route régionale du numérique en santé", "--kind", "prose", "--period", "2023–2028",
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toBe(
      "Added to the corpus:\n" +
        "fdr-regionale  prose  Feuille de route régionale du numérique (2023-2028)  ← sources/fdr-regionale.txt\n" +
        "  6 passages from 30 non-empty lines: 17 in passages, 2 headings, 10 chrome lines, 1 caption; none lost\n" +
        'Its label "Feuille de route régionale du numérique" was made from the title: change it in corpus/manifest.yaml if you want another.\n' +
        "See its passages with npm run corpus -- show fdr-regionale\n" +
        "Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).\n",
    );
    const manifest = readFileSync(join(dir, "manifest.yaml"), "utf8");
    expect(manifest).toContain(
      '  - id: fdr-regionale\n    kind: prose\n    title: "Feuille de route régionale du numérique en santé"\n    label: Feuille de route régionale du numérique\n    period: [2023, 2028]\n    scope: national\n    source: sources/fdr-regionale.txt\n',
    );
  });
});

describe.concurrent("npm run corpus -- remove", () => {
  it("removes a document and its files, and says what still names it", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const before = readFileSync(join(dir, "manifest.yaml"), "utf8");
    expect((await corpusCli(root, ...ADD_OCCITANIE)).status).toBe(0);
    const { status, stdout, stderr } = await corpusCli(root, "remove", "ars-occitanie");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toBe(
      "Removed ars-occitanie from corpus/manifest.yaml and deleted corpus/sources/ars-occitanie.txt.\n" +
        "No curation entry or evaluation line names ars-occitanie.\n" +
        "Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).\n",
    );
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(before);
    expect(existsSync(join(dir, "sources/ars-occitanie.txt"))).toBe(false);
  });

  it("refuses an unknown ID and changes nothing", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const before = readFileSync(join(dir, "manifest.yaml"), "utf8");
    const { status, stderr } = await corpusCli(root, "remove", "ars-bzh");
    expect(status).toBe(1);
    expect(stderr).toBe(
      'fdr-santé: no document "ars-bzh" in corpus/manifest.yaml; its documents: virage-numerique-2019, breve-virage-2019, lancement-2019, fdr-2023-2027, ars-bretagne\nNothing was removed: the corpus is as it was.\n',
    );
    expect(readFileSync(join(dir, "manifest.yaml"), "utf8")).toBe(before);
  });

  it("says so when the manifest is read-only, and copies nothing", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    const manifest = join(dir, "manifest.yaml");
    const before = readFileSync(manifest, "utf8");
    chmodSync(root, 0o755);
    if (asRoot) chownTree(root);
    chmodSync(manifest, 0o444);
    const { status, stdout, stderr } = await corpusCliAs(asRoot ? { uid: NOBODY, gid: NOBODY } : {}, root, ...ADD_OCCITANIE);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("fdr-santé: corpus/manifest.yaml is read-only (EACCES): make it writable to add a document\nNothing was added: the corpus is as it was.\n");
    expect(readFileSync(manifest, "utf8")).toBe(before);
    expect(existsSync(join(dir, "sources/ars-occitanie.txt"))).toBe(false);
  });
});
