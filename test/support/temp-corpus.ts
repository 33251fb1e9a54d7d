import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { addDocument, type NewDocument } from "../../src/corpus/add-document.js";
import { CorpusError } from "../../src/corpus/errors.js";
import { CORPUS_DIR } from "./pipeline.js";

/** The two documents written for the tests: a regional prose text and a small `sections` roadmap. */
export const NEW_DOCUMENTS = resolve(import.meta.dirname, "../fixtures/new-documents");

const roots: string[] = [];

/**
 * A fresh temporary folder holding `corpus/` (a copy of the real corpus, or empty): error
 * messages then read "corpus/manifest.yaml:12: …" once the temporary root is stripped.
 */
export function tempCorpus(options: { copyReal?: boolean } = {}): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "fdr-corpus-"));
  roots.push(root);
  const dir = join(root, "corpus");
  if (options.copyReal) cpSync(CORPUS_DIR, dir, { recursive: true });
  return { root, dir };
}

export function removeTempCorpora(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The CorpusError `fn` throws, its message relative to the temporary root. */
export function corpusErrorOf(root: string, fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    return error.message.replaceAll(`${root}${sep}`, "");
  }
  throw new Error("expected a CorpusError");
}

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** The regional prose document written for the tests, as `corpus add` options (no label: it defaults to the title). */
export const OCCITANIE: NewDocument = {
  file: join(NEW_DOCUMENTS, "ars-occitanie.txt"),
  id: "ars-occitanie",
  title: "ARS Occitanie : programme régional de télémédecine TéléOc",
  kind: "prose",
  year: 2024,
  publisher: "ARS Occitanie",
  region: "Occitanie",
  aliases: ["ars occitanie", "occitanie"],
};

/** The small `sections` roadmap written for the tests, as `corpus add` options. */
export const TEST_ROADMAP: NewDocument = {
  file: join(NEW_DOCUMENTS, "fdr-test-2028.txt"),
  structureFile: join(NEW_DOCUMENTS, "fdr-test-2028.yaml"),
  id: "fdr-test-2028",
  title: "Feuille de route test 2028-2032",
  label: "Feuille de route test",
  kind: "roadmap",
  period: [2028, 2032],
  publisher: "Équipe fdr-santé",
};

/** Adds the two test documents to a corpus with the same code as `npm run corpus -- add`. */
export function addNewDocuments(dir: string): void {
  addDocument(dir, { ...OCCITANIE, label: "ARS Occitanie · TéléOc", aliases: [...OCCITANIE.aliases ?? [], "téléoc"] });
  addDocument(dir, { ...TEST_ROADMAP, aliases: ["feuille de route test"] });
}
