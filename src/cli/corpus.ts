import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, type Config } from "../config/env.js";
import { addDocument, AddDocumentError, parsePeriod, parseYear } from "../corpus/add-document.js";
import { CorpusError } from "../corpus/errors.js";
import { checkCorpus, formatDocument, formatSummary, formatWarning, proseWarnings, readSource, summarizeDocument } from "../corpus/check.js";
import { loadCorpus } from "../corpus/load.js";
import { formatRemoval, removeDocument, RemoveDocumentError } from "../corpus/remove-document.js";
import { showDocument } from "../corpus/show.js";
import { isUsageError } from "./usage-error.js";

const USAGE = `usage:
  npm run corpus -- check
      validates the manifest and every document, prints what each one yields and how each line of a
      prose text was used (none may be lost), and warns on suspicious shapes with their file:line
  npm run corpus -- show ID
      prints a document as the index sees it: each passage with its section and source lines, each
      heading and chrome line; a roadmap's actions and measures
  npm run corpus -- add FILE --id ID --title TITLE --kind prose|roadmap
      [--publisher NAME] [--structure STRUCTURE.yaml] [--year YYYY | --period YYYY-YYYY]
      [--label LABEL] [--region REGION] [--alias NAME]...
      copies FILE to corpus/sources/ID.txt (or FILE's own extension) and a roadmap's structure
      description to corpus/structure/ID.yaml, appends the entry to corpus/manifest.yaml and
      checks the corpus; nothing is overwritten, and everything is undone on error.
      --period takes 2018-2023, 2018–2023 or 2018 à 2023; without --label, a short label is
      made from the title (and the publisher or region)
  npm run corpus -- remove ID
      removes the document's entry from corpus/manifest.yaml and deletes its text and structure
      files; lists the curation entries and evaluation lines that still name ID (not edited)
  npm run corpus -- enrich ID
      with an OpenAI-compatible model (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), drafts the everyday
      questions and keywords each passage or action of ID answers, into the enrichment file as
      entries marked "draft: true" for review; entries a person wrote are left alone
The corpus folder is CORPUS_DIR (default: corpus).`;

/** The evaluation sets `remove` searches for lines that name the removed document. */
const EVALS_DIR = "evals";

const ADD_OPTIONS = {
  id: { type: "string" },
  title: { type: "string" },
  kind: { type: "string" },
  publisher: { type: "string" },
  structure: { type: "string" },
  year: { type: "string" },
  period: { type: "string" },
  label: { type: "string" },
  region: { type: "string" },
  alias: { type: "string", multiple: true },
} as const;

function fail(message: string): number {
  process.stderr.write(`fdr-santé: ${message}\n`);
  return 1;
}

function add(corpusDir: string, args: readonly string[]): number {
  const { values, positionals } = parseArgs({ args: [...args], options: ADD_OPTIONS, allowPositionals: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length) return fail(`add takes one FILE\n${USAGE}`);
  const missing = (["id", "title", "kind"] as const).filter((k) => !values[k]);
  if (missing.length) return fail(`add needs ${missing.map((k) => `--${k}`).join(", ")}\n${USAGE}`);
  const doc = addDocument(corpusDir, {
    file,
    structureFile: values.structure,
    id: values.id!,
    title: values.title!,
    kind: values.kind!,
    year: parseYear(values.year),
    period: parsePeriod(values.period),
    publisher: values.publisher,
    label: values.label,
    region: values.region,
    aliases: values.alias,
  });
  const source = doc.kind === "prose" ? readSource(corpusDir, doc) : null;
  const warnings = source ? proseWarnings(join(corpusDir, doc.source), doc, source).map(formatWarning) : [];
  process.stdout.write(
    `Added to the corpus:\n${[...formatDocument(summarizeDocument(doc, source)), ...warnings].join("\n")}\n` +
      (values.label ? "" : `Its label "${doc.label}" was made from the title: change it in ${join(corpusDir, "manifest.yaml")} if you want another.\n`) +
      `See its passages with npm run corpus -- show ${doc.id}\n` +
      `Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).\n`,
  );
  return 0;
}

function show(corpusDir: string, args: readonly string[]): number {
  const [id, ...extra] = args;
  if (!id || extra.length) return fail(`show takes one document ID\n${USAGE}`);
  const corpus = loadCorpus(corpusDir);
  const doc = corpus.documents.find((d) => d.id === id);
  if (!doc) return fail(`no document "${id}" in ${join(corpusDir, "manifest.yaml")}; its documents: ${corpus.documents.map((d) => d.id).join(", ")}`);
  process.stdout.write(`${showDocument(corpusDir, doc)}\n`);
  return 0;
}

function remove(corpusDir: string, args: readonly string[]): number {
  const [id, ...extra] = args;
  if (!id || extra.length) return fail(`remove takes one document ID\n${USAGE}`);
  process.stdout.write(`${formatRemoval(id, corpusDir, removeDocument(corpusDir, id, resolve(EVALS_DIR)))}\n`);
  return 0;
}

async function enrich(config: Config, args: readonly string[]): Promise<number> {
  const [id, ...extra] = args;
  if (!id || extra.length) return fail(`enrich takes one document ID\n${USAGE}`);
  if (!config.LLM_BASE_URL) {
    throw new ConfigError([{ variable: "LLM_BASE_URL", message: "is required by corpus enrich: the OpenAI-compatible server whose model drafts the enrichment (with LLM_MODEL, and LLM_API_KEY if it needs one)" }]);
  }
  // Loaded only here: the OpenAI client adds half a second to every other corpus command.
  const { llmSettingsFromConfig } = await import("../answer/llm/chat-model.js");
  const { enrichDocument, EnrichError, formatEnrichReport } = await import("./corpus-enrich.js");
  const settings = llmSettingsFromConfig(config);
  try {
    const report = await enrichDocument(config.CORPUS_DIR, id, settings, (name, done, total) => process.stderr.write(`drafting ${name} (${done + 1}/${total})\n`));
    process.stdout.write(`${formatEnrichReport(report, settings.model)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof EnrichError || error instanceof CorpusError)) throw error;
    return fail(`${error.message}\nNothing was written: the corpus is as it was.`);
  }
}

/** Mistakes in the command line and refusals of `add` and `remove`: the message alone, exit 1. */
function userError(error: unknown): string | null {
  if (error instanceof AddDocumentError || error instanceof RemoveDocumentError) return error.message;
  if (isUsageError(error)) return `${error.message}\n${USAGE}`;
  return null;
}

/** Runs a command that changes the corpus; a refusal prints its message and that nothing changed. */
function refusedSays(nothing: string, command: () => number): number {
  try {
    return command();
  } catch (error) {
    const message = userError(error) ?? (error instanceof CorpusError ? error.message : null);
    if (message === null) throw error;
    return fail(`${message}\n${nothing}: the corpus is as it was.`);
  }
}

/** `npm run corpus -- check | show | add | remove | enrich …` on the configured corpus; the exit code. */
export async function corpusCommand(argv: readonly string[], config: Config): Promise<number> {
  const [command, ...args] = argv;
  const corpusDir = config.CORPUS_DIR;
  switch (command) {
    case "check":
      if (args.length) return fail(`check takes no argument\n${USAGE}`);
      process.stdout.write(`${formatSummary(checkCorpus(corpusDir))}\n`);
      return 0;
    case "show":
      return show(corpusDir, args);
    case "add":
      return refusedSays("Nothing was added", () => add(corpusDir, args));
    case "remove":
      return refusedSays("Nothing was removed", () => remove(corpusDir, args));
    case "enrich":
      return enrich(config, args);
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      return fail(`${command ? `unknown command "${command}"` : "no command"}\n${USAGE}`);
  }
}
