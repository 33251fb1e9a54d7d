import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { definedAcronyms } from "./definitions.js";
import { CorpusError } from "./errors.js";
import { checkGroupRanges } from "./group-ranges.js";
import { deriveLabel } from "./label.js";
import { parseLinesRoadmap, type ParsedRoadmap } from "./parse-lines.js";
import { parseProse, PROSE_RULES_VERSION } from "./parse-prose.js";
import { parseSectionsRoadmap } from "./parse-sections.js";
import {
  actionId,
  parseCitationId,
  passageOpening,
  Correspondence,
  Corpus,
  EnrichmentFile,
  Glossary,
  Manifest,
  ManifestEntry,
  Structure,
  type CorpusDocument,
  type SkippedLine,
} from "./schema.js";
import { decodeSource } from "./source-text.js";
import { parseYaml, validateAt, type LocatedYaml } from "./yaml.js";

export const MANIFEST_FILE = "manifest.yaml";

interface ManifestFiles {
  manifest: LocatedYaml;
  entries: { entry: ManifestEntry; index: number }[];
  glossary: string | undefined;
  enrichment: string | undefined;
  doc2query: string | undefined;
  correspondences: string[];
}

function readText(dir: string, name: string, from?: { yaml: LocatedYaml; path: PropertyKey[] }): string {
  const file = join(dir, name);
  if (!existsSync(file)) {
    if (from) throw new CorpusError(from.yaml.file, from.yaml.lineOf(from.path), `file not found: ${file}`);
    throw new CorpusError(file, 1, "file not found");
  }
  return readFileSync(file, "utf8");
}

function readManifest(dir: string): ManifestFiles {
  const file = join(dir, MANIFEST_FILE);
  const manifest = parseYaml(file, readText(dir, MANIFEST_FILE));
  const top = validateAt(manifest, Manifest, manifest.value);
  const seen = new Map<string, number>();
  const entries = top.documents.map((raw, index) => {
    const entry = validateAt(manifest, ManifestEntry, raw, ["documents", index]);
    const line = manifest.lineOf(["documents", index, "id"]);
    const first = seen.get(entry.id);
    if (first !== undefined) throw new CorpusError(file, line, `duplicate document id "${entry.id}" (first declared at line ${first})`);
    seen.set(entry.id, line);
    return { entry, index };
  });
  return { manifest, entries, glossary: top.glossary, enrichment: top.enrichment, doc2query: top.doc2query, correspondences: top.correspondences };
}

/** Every file the index depends on, in a fixed order. */
function dependencies(files: ManifestFiles): string[] {
  const names = [MANIFEST_FILE];
  for (const { entry } of files.entries) {
    names.push(entry.source);
    if (entry.structure) names.push(entry.structure);
  }
  if (files.glossary) names.push(files.glossary);
  if (files.enrichment) names.push(files.enrichment);
  if (files.doc2query) names.push(files.doc2query);
  names.push(...files.correspondences);
  return names;
}

function hashFiles(dir: string, names: string[]): string {
  const hash = createHash("sha256").update(`prose rules ${PROSE_RULES_VERSION}\0`);
  for (const name of names) {
    const file = join(dir, name);
    hash.update(name).update("\0");
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The corpus hash alone: cheap enough to check on every start whether the index is current. */
export function fingerprintCorpus(dir: string): string {
  return hashFiles(dir, dependencies(readManifest(dir)));
}

/**
 * Reads, parses and validates the whole corpus. Any defect stops with the file and the line.
 * `doc2query: false` leaves the generated questions out, for the command that rewrites them.
 */
export function loadCorpus(dir: string, options: { doc2query?: boolean } = {}): Corpus {
  const files = readManifest(dir);
  const { manifest } = files;
  const documents: CorpusDocument[] = files.entries.map(({ entry, index }) => {
    const sourceFile = join(dir, entry.source);
    readText(dir, entry.source, { yaml: manifest, path: ["documents", index, "source"] });
    const lines = decodeSource(sourceFile, readFileSync(sourceFile));
    let parsed: ParsedRoadmap & { skipped: SkippedLine[] };
    let groupName: string | null = null;
    let groupNameEn: string | null = null;
    if (entry.kind === "roadmap") {
      const structureName = entry.structure!;
      const structureFile = join(dir, structureName);
      const yaml = parseYaml(structureFile, readText(dir, structureName, { yaml: manifest, path: ["documents", index, "structure"] }));
      const structure = validateAt(yaml, Structure, yaml.value);
      checkGroupRanges(structureFile, structure.groups, (i) => yaml.lineOf(["groups", i, "actions"]));
      parsed = {
        ...(structure.layout === "lines" ? parseLinesRoadmap(sourceFile, lines, structure) : parseSectionsRoadmap(sourceFile, lines, structure)),
        skipped: [],
      };
      groupName = structure.group_name;
      groupNameEn = structure.group_name_en;
    } else {
      parsed = { groups: [], actions: [], ...parseProse(lines) };
      if (!parsed.passages.length) throw new CorpusError(sourceFile, 1, "no paragraph found in this prose document");
    }
    return {
      id: entry.id,
      kind: entry.kind,
      title: entry.title,
      label: entry.label ?? deriveLabel(entry),
      year: entry.year ?? null,
      period: entry.period ?? null,
      publisher: entry.publisher ?? null,
      scope: entry.scope,
      region: entry.region ?? null,
      aliases: entry.aliases,
      source: entry.source,
      groupName,
      groupNameEn,
      ...parsed,
    };
  });

  const known = new Set<string>(documents.flatMap((d) => [d.id, ...d.actions.map((a) => actionId(d.id, a.number))]));
  const byId = new Map(documents.map((d) => [d.id, d]));

  let glossary: Corpus["glossary"] = [];
  if (files.glossary) {
    const yaml = parseYaml(join(dir, files.glossary), readText(dir, files.glossary, { yaml: manifest, path: ["glossary"] }));
    glossary = validateAt(yaml, Glossary, yaml.value).entries;
    glossary.forEach((e, i) =>
      e.senses.forEach((s, k) => {
        if (!byId.has(s.document)) throw new CorpusError(yaml.file, yaml.lineOf(["entries", i, "senses", k, "document"]), `unknown document "${s.document}"`);
      }),
    );
  }

  const readEnrichment = (name: string, key: "enrichment" | "doc2query"): Corpus["enrichment"] => {
    const yaml = parseYaml(join(dir, name), readText(dir, name, { yaml: manifest, path: [key] }));
    const file = validateAt(yaml, EnrichmentFile, yaml.value);
    for (const [id, entry] of Object.entries(file.actions)) {
      if (!known.has(id) || !id.includes("#")) throw new CorpusError(yaml.file, yaml.lineOf(["actions", id]), `unknown action "${id}"`);
      const { document, action } = parseCitationId(id);
      const titles = new Set(byId.get(document)!.actions.find((a) => a.number === action)!.measures.map((m) => m.title));
      for (const title of Object.keys(entry.pieces)) {
        if (!titles.has(title)) throw new CorpusError(yaml.file, yaml.lineOf(["actions", id, "pieces", title]), `"${id}" has no measure "${title}"`);
      }
    }
    for (const [id, entry] of Object.entries(file.documents)) {
      if (!byId.has(id)) throw new CorpusError(yaml.file, yaml.lineOf(["documents", id]), `unknown document "${id}"`);
      const openings = new Set(byId.get(id)!.passages.map((p) => passageOpening(p.text)));
      for (const opening of Object.keys(entry.pieces)) {
        if (!openings.has(opening)) throw new CorpusError(yaml.file, yaml.lineOf(["documents", id, "pieces", opening]), `"${id}" has no passage opening with "${opening}"`);
      }
    }
    return file;
  };
  const enrichment: Corpus["enrichment"] = files.enrichment ? readEnrichment(files.enrichment, "enrichment") : { actions: {}, documents: {} };
  // Generated questions join the curated ones, citation by citation.
  if (files.doc2query && options.doc2query !== false) {
    const generated = readEnrichment(files.doc2query, "doc2query");
    for (const part of ["actions", "documents"] as const) {
      for (const [id, extra] of Object.entries(generated[part])) {
        const own = enrichment[part][id];
        enrichment[part][id] = own ? { ...own, questions: [...own.questions, ...extra.questions], pieces: mergeLists(own.pieces, extra.pieces) } : extra;
      }
    }
  }

  const correspondences = files.correspondences.map((name, ci) => {
    const yaml = parseYaml(join(dir, name), readText(dir, name, { yaml: manifest, path: ["correspondences", ci] }));
    const c = validateAt(yaml, Correspondence, yaml.value);
    for (const side of ["from", "to"] as const) {
      if (byId.get(c[side])?.kind !== "roadmap") throw new CorpusError(yaml.file, yaml.lineOf([side]), `"${c[side]}" is not a roadmap of the manifest`);
    }
    c.links.forEach((link, li) => {
      if (!known.has(actionId(c.from, link.from))) throw new CorpusError(yaml.file, yaml.lineOf(["links", li, "from"]), `${c.from} has no action ${link.from}`);
      for (const n of link.to) {
        if (!known.has(actionId(c.to, n))) throw new CorpusError(yaml.file, yaml.lineOf(["links", li, "to"]), `${c.to} has no action ${n}`);
      }
    });
    return c;
  });

  // The acronyms the texts define themselves ("GRADeS (groupement régional …)") join the glossary.
  glossary = [...glossary, ...definedAcronyms(documents, glossary)];
  return Corpus.parse({ documents, glossary, enrichment, correspondences, hash: hashFiles(dir, dependencies(files)) });
}

function mergeLists(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}
