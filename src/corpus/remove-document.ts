import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { CorpusError } from "./errors.js";
import { MANIFEST_FILE } from "./load.js";
import { DocumentId, Manifest } from "./schema.js";
import { parseYaml } from "./yaml.js";

/** A document `corpus remove` cannot remove; nothing has been changed when it is thrown. */
export class RemoveDocumentError extends Error {
  override name = "RemoveDocumentError";
}

/** A line of another file that still names a removed document. */
export interface Reference {
  file: string;
  line: number;
  text: string;
}

export interface Removal {
  /** The files deleted: the source text, and a roadmap's structure description. */
  deleted: string[];
  /** Curated corpus files (glossary, enrichment, correspondences) naming the ID: the corpus does not load until they are edited. */
  curation: Reference[];
  /** Evaluation lines naming the ID: they will expect a document that is gone. */
  evaluations: Reference[];
}

/**
 * The manifest text without one document's entry. The entry's lines (and the blank line after
 * it) are cut out of the text, so every comment and every other line stays as it was.
 */
export function removeFromManifest(file: string, text: string, id: string): { text: string; source: string; structure: string | null } {
  parseYaml(file, text); // invalid YAML is reported at its line, as `corpus check` does
  const lineCounter = new LineCounter();
  const manifest = parseDocument(text, { lineCounter });
  const list = manifest.get("documents", true);
  if (!isSeq(list) || list.flow) throw new CorpusError(file, 1, `expected a block list under "documents:"`);
  const index = list.items.findIndex((item) => isMap(item) && item.get("id") === id);
  if (index < 0) {
    const ids = list.items.map((item) => (isMap(item) ? String(item.get("id")) : "?"));
    throw new RemoveDocumentError(`no document "${id}" in ${file}; its documents: ${ids.join(", ")}`);
  }
  if (list.items.length === 1) throw new RemoveDocumentError(`"${id}" is the only document of ${file}: a corpus needs at least one`);
  const item = list.items[index]!;
  if (!isMap(item) || !item.range) throw new CorpusError(file, 1, `entry "${id}" is not a mapping`);
  const source = item.get("source");
  const structure = item.get("structure");
  if (typeof source !== "string") throw new CorpusError(file, lineCounter.linePos(item.range[0]).line, `entry "${id}" has no source`);

  const start = text.lastIndexOf("\n", item.range[0] - 1) + 1;
  // The item's range ends at the start of the line after it; the blank line that parts it from
  // the next entry goes with it.
  const end = item.range[2] + (/^[ \t]*\n/.exec(text.slice(item.range[2]))?.[0].length ?? 0);
  return { text: text.slice(0, start) + text.slice(end), source, structure: typeof structure === "string" ? structure : null };
}

/** The lines of `file` that name `id` as a whole word ("ars-bretagne", "ars-bretagne#action-2"). */
function referencesIn(file: string, id: string, shownAs: string): Reference[] {
  if (!existsSync(file)) return [];
  const word = new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`);
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((text, i) => (word.test(text) ? [{ file: shownAs, line: i + 1, text: text.trim() }] : []));
}

/**
 * Removes a document: its manifest entry (comments and other lines kept), its source text and a
 * roadmap's structure description. Curated files and evaluation lines that still name the ID are
 * listed, not edited: which entry to drop, or to point elsewhere, is a person's choice.
 */
export function removeDocument(corpusDir: string, id: string, evalsDir: string | null = null): Removal {
  const checked = DocumentId.safeParse(id);
  if (!checked.success) throw new RemoveDocumentError(`ID: ${checked.error.issues[0]!.message}`);
  const manifestFile = join(corpusDir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new CorpusError(manifestFile, 1, "file not found");
  const original = readFileSync(manifestFile, "utf8");
  const removed = removeFromManifest(manifestFile, original, id);

  const top = Manifest.safeParse(parseYaml(manifestFile, original).value);
  const curated = top.success ? [top.data.glossary, top.data.enrichment, top.data.doc2query, ...top.data.correspondences].filter((f): f is string => !!f) : [];
  const curation = curated.flatMap((name) => referencesIn(join(corpusDir, name), id, join(corpusDir, name)));
  const evaluations = evalsDir && existsSync(evalsDir)
    ? readdirSync(evalsDir)
        .filter((name) => name.endsWith(".jsonl"))
        .sort()
        .flatMap((name) => referencesIn(join(evalsDir, name), id, join(relative(process.cwd(), evalsDir) || ".", name)))
    : [];

  writeFileSync(manifestFile, removed.text);
  const deleted: string[] = [];
  for (const name of [removed.source, removed.structure]) {
    if (!name) continue;
    const file = join(corpusDir, name);
    if (!existsSync(file)) continue;
    rmSync(file);
    deleted.push(file);
  }
  return { deleted, curation, evaluations };
}

/** What `corpus remove` prints. */
export function formatRemoval(id: string, corpusDir: string, r: Removal): string {
  const lines = [`Removed ${id} from ${join(corpusDir, MANIFEST_FILE)}${r.deleted.length ? ` and deleted ${r.deleted.join(", ")}` : ""}.`];
  const list = (refs: Reference[]) => refs.map((ref) => `  ${ref.file}:${ref.line}: ${ref.text.length > 100 ? `${ref.text.slice(0, 100)}…` : ref.text}`);
  if (r.curation.length) {
    lines.push(
      `These curation entries still name ${id}; the corpus will not load (corpus check, ingest, the bot's start) until you remove them — remove does not edit them:`,
      ...list(r.curation),
    );
  }
  if (r.evaluations.length) {
    lines.push(`These evaluation lines still name ${id} and will expect a document that is gone — remove does not edit them:`, ...list(r.evaluations));
  }
  if (!r.curation.length && !r.evaluations.length) lines.push(`No curation entry or evaluation line names ${id}.`);
  lines.push("Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).");
  return lines.join("\n");
}
