import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { CorpusError } from "./errors.js";
import { deriveLabel } from "./label.js";
import { loadCorpus, MANIFEST_FILE } from "./load.js";
import { DocumentId, ManifestEntry, type CorpusDocument } from "./schema.js";
import { parseYaml } from "./yaml.js";

/** A document `corpus add` cannot add; nothing has been changed when it is thrown. */
export class AddDocumentError extends Error {
  override name = "AddDocumentError";
}

/** What `corpus add` is given: the manifest fields, and the files to copy into the corpus. */
export interface NewDocument {
  /** The text to add, copied to sources/<id><ext>. */
  file: string;
  /** The structure description of a roadmap, copied to structure/<id>.yaml. */
  structureFile?: string | undefined;
  id: string;
  title: string;
  kind: string;
  year?: number | undefined;
  period?: [number, number] | undefined;
  publisher?: string | undefined;
  label?: string | undefined;
  region?: string | undefined;
  aliases?: string[] | undefined;
}

/** The manifest field each option of `corpus add` fills, to name the option in errors. */
const OPTION_OF: Record<string, string> = { source: "FILE", scope: "--region", aliases: "--alias" };

/** `--year 2024`. */
export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*\d{4}\s*$/.test(text)) throw new AddDocumentError(`--year: expected four digits, such as 2024, not "${text}"`);
  return Number(text);
}

/** `--period 2018-2023`, also with the en or em dash French pages use ("2018–2023"), or "2018 à 2023". */
export function parsePeriod(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d{4})\s*(?:[-–—‑]|\s(?:à|a|au|to)\s)\s*(\d{4})\s*$/u.exec(text);
  if (!m) throw new AddDocumentError(`--period: expected the first and last years, such as 2018-2023 (or 2018–2023, 2018 à 2023), not "${text}"`);
  const period: [number, number] = [Number(m[1]), Number(m[2])];
  if (period[0] >= period[1]) throw new AddDocumentError(`--period: the first year must come before the last, not "${text}"`);
  return period;
}

/** The manifest entry for a new document, in the manifest's usual key order; validated, not yet written. */
export function manifestEntryFor(doc: NewDocument): ManifestEntry {
  // Checked first: the ID names the files about to be written.
  const id = DocumentId.safeParse(doc.id);
  if (!id.success) throw new AddDocumentError(`--id: ${id.error.issues[0]!.message}`);
  const raw = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    // Made from a title only once there is one: a missing title is reported below.
    label: doc.label ?? (doc.title?.trim() ? deriveLabel(doc) : undefined),
    year: doc.year,
    period: doc.period,
    publisher: doc.publisher,
    scope: doc.region ? "regional" : "national",
    region: doc.region,
    source: `sources/${doc.id}${extname(doc.file) || ".txt"}`,
    structure: doc.structureFile === undefined ? undefined : `structure/${doc.id}.yaml`,
    aliases: doc.aliases?.length ? doc.aliases : undefined,
  };
  const entry = ManifestEntry.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!entry.success) {
    const issue = entry.error.issues[0]!;
    const key = String(issue.path[0] ?? "");
    throw new AddDocumentError(`${OPTION_OF[key] ?? `--${key}`}: ${issue.message}`);
  }
  return entry.data;
}

/**
 * The manifest text with one more entry at the end of `documents:`. The text is spliced rather
 * than re-serialized, so every comment and every existing line stays exactly as it was.
 */
export function appendToManifest(file: string, text: string, entry: ManifestEntry): string {
  parseYaml(file, text); // invalid YAML is reported at its line, as `corpus check` does
  const lineCounter = new LineCounter();
  const manifest = parseDocument(text, { lineCounter });
  const list = manifest.get("documents", true);
  if (!isSeq(list) || list.flow || !list.range) {
    throw new CorpusError(file, 1, `expected a block list under "documents:" to append to`);
  }
  for (const item of list.items) {
    const id = isMap(item) ? item.get("id", true) : undefined;
    if (isScalar(id) && id.value === entry.id && id.range) {
      throw new CorpusError(file, lineCounter.linePos(id.range[0]).line, `document id "${entry.id}" is already taken: an ID is permanent, choose another one`);
    }
  }
  const indent = " ".repeat(lineCounter.linePos(list.range[0]).col - 1);

  const item = new Document([entry]);
  for (const key of ["period", "aliases"]) {
    const node = item.getIn([0, key], true);
    if (isSeq(node)) node.flow = true;
  }
  for (const path of [[0, "title"], ...entry.aliases.map((_, i) => [0, "aliases", i])]) {
    const node = item.getIn(path, true);
    if (isScalar(node)) node.type = "QUOTE_DOUBLE";
  }
  const block = item
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .replace(/^(?=.)/gm, indent);

  const at = list.range[1];
  const before = text.slice(0, at);
  return `${before}${before.endsWith("\n") ? "" : "\n"}\n${block}${text.slice(at)}`;
}

/**
 * Adds a document: copies its text (and a roadmap's structure description) into the corpus,
 * appends its manifest entry, then loads the whole corpus with the same loader as the index.
 * Existing files are never overwritten; on any error every change is undone.
 */
export function addDocument(corpusDir: string, doc: NewDocument): CorpusDocument {
  const entry = manifestEntryFor(doc);
  const manifestFile = join(corpusDir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new CorpusError(manifestFile, 1, "file not found");
  const original = readFileSync(manifestFile, "utf8");
  const updated = appendToManifest(manifestFile, original, entry);
  const copies = [{ from: doc.file, to: entry.source }];
  if (doc.structureFile !== undefined && entry.structure) copies.push({ from: doc.structureFile, to: entry.structure });
  for (const { from, to } of copies) {
    if (!existsSync(from)) throw new AddDocumentError(`${from}: file not found`);
    if (existsSync(join(corpusDir, to))) throw new AddDocumentError(`${join(corpusDir, to)} already exists: refusing to overwrite it`);
  }

  assertWritable(manifestFile);

  const written: string[] = [];
  let manifestWritten = false;
  try {
    for (const { from, to } of copies) {
      const target = join(corpusDir, to);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(from, target, constants.COPYFILE_EXCL);
      written.push(target);
    }
    writeFileSync(manifestFile, updated);
    manifestWritten = true;
    return loadCorpus(corpusDir).documents.find((d) => d.id === entry.id)!;
  } catch (error) {
    if (manifestWritten) writeFileSync(manifestFile, original);
    for (const file of written) rmSync(file, { force: true });
    throw notWritable(error) ?? error;
  }
}

/** A refusal naming the file that cannot be written, for a permission or read-only error; undefined for any other. */
function notWritable(error: unknown): AddDocumentError | undefined {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (code !== "EACCES" && code !== "EPERM" && code !== "EROFS") return undefined;
  return new AddDocumentError(`${typeof path === "string" ? path : "the corpus"} is read-only (${code}): make it writable to add a document`);
}

/** Checked before anything is copied: a manifest that cannot be written would leave copies behind. */
function assertWritable(file: string): void {
  try {
    closeSync(openSync(file, "r+"));
  } catch (error) {
    throw notWritable(error) ?? error;
  }
}
