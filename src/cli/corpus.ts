import { parseArgs } from "node:util";
import { addDocument, AddDocumentError } from "../corpus/add-document.js";
import { CorpusError } from "../corpus/errors.js";
import { checkCorpus, formatDocument, formatSummary, summarizeDocument } from "../corpus/check.js";

const USAGE = `usage:
  npm run corpus -- check
      validates the manifest and every document, and prints what each one yields
  npm run corpus -- add FILE --id ID --title TITLE --kind prose|roadmap --publisher NAME
      [--structure STRUCTURE.yaml] [--year YYYY | --period YYYY-YYYY] [--label LABEL]
      [--region REGION] [--alias NAME]...
      copies FILE to corpus/sources/ID.txt (or FILE's own extension) and a roadmap's structure
      description to corpus/structure/ID.yaml, appends the entry to corpus/manifest.yaml and
      checks the corpus; nothing is overwritten, and everything is undone on error
The corpus folder is CORPUS_DIR (default: corpus).`;

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

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new AddDocumentError(`--year: expected four digits, such as 2024, not "${text}"`);
  return Number(text);
}

function period(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})\s*-\s*(\d{4})$/.exec(text);
  if (!m) throw new AddDocumentError(`--period: expected first-last year, such as 2024-2028, not "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

function add(corpusDir: string, args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: ADD_OPTIONS, allowPositionals: true });
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
    year: year(values.year),
    period: period(values.period),
    publisher: values.publisher,
    label: values.label,
    region: values.region,
    aliases: values.alias,
  });
  process.stdout.write(
    `Added to the corpus:\n${formatDocument(summarizeDocument(doc)).join("\n")}\n` +
      `Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).\n`,
  );
  return 0;
}

/** Mistakes in the command line and refusals of `add`: the message alone, exit 1. */
function userError(error: unknown): string | null {
  if (error instanceof AddDocumentError) return error.message;
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return `${error.message}\n${USAGE}`;
  return null;
}

/** `npm run corpus -- check | add …` on the corpus in `corpusDir`; the exit code. */
export function corpusCommand(argv: readonly string[], corpusDir: string): number {
  const [command, ...args] = argv;
  switch (command) {
    case "check":
      if (args.length) return fail(`check takes no argument\n${USAGE}`);
      process.stdout.write(`${formatSummary(checkCorpus(corpusDir))}\n`);
      return 0;
    case "add":
      try {
        return add(corpusDir, args);
      } catch (error) {
        const message = userError(error) ?? (error instanceof CorpusError ? error.message : null);
        if (message === null) throw error;
        return fail(`${message}\nNothing was added: the corpus is as it was.`);
      }
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      return fail(`${command ? `unknown command "${command}"` : "no command"}\n${USAGE}`);
  }
}
