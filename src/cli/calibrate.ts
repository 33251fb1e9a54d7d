import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { createAnswerPipeline, type AnswerPipeline } from "../answer/pipeline.js";
import type { Logger } from "../config/log.js";
import { loadCorpus } from "../corpus/load.js";
import { parseCitationId, passageOpening, type Corpus, type Enrichment } from "../corpus/schema.js";
import { buildIndex, type SearchIndex } from "../index/build.js";
import { crossValidate, extraThreshold, extrasUnder, fitModels, foldOf, pieceThreshold, refusalThreshold, STARTING_POINT, type Example } from "../decision/calibrate.js";
import { Models } from "../decision/decide.js";
import type { LogisticModel } from "../decision/logistic.js";
import { loadDataset, type EvalItem } from "../eval/dataset.js";
import { byKind, mentions, score, type Metrics, type Outcome } from "../eval/metrics.js";
import { knownIds, outcomesOf } from "../eval/run.js";

const GENERATED = "evals/generated";
/** Questions by writers briefed as outside evaluators: never fitted nor indexed, they weigh in on the second-citation threshold. */
const DEVELOPMENT = "evals/generated-dev";
const DOC2QUERY = "doc2query.yaml";
const MODELS = "src/decision/models.json";
const REPORT = "evals/calibration.md";
const FOLDS = 5;
/** Answerable questions refused, at most, on held-out folds: under the 3 % the evaluation allows. */
const FALSE_REFUSAL_BUDGET = 0.02;
/** Answerable questions, at most, that get the "no direct answer" flag instead of a plain answer. */
const FLAG_BUDGET = 0.05;

/** The questions of every JSONL file of a folder; a malformed line is named and skipped. */
function readDataset(folder: string): EvalItem[] {
  const items: EvalItem[] = [];
  for (const file of readdirSync(resolve(folder)).filter((f) => f.endsWith(".jsonl")).sort()) {
    const { items: these, problems } = loadDataset(resolve(join(folder, file)));
    for (const p of problems) process.stderr.write(`${folder}/${file}:${p.line}: skipped: ${p.message}\n`);
    items.push(...these);
  }
  return items;
}

/**
 * `npm run calibrate`: refits the decisions (reranking, answering or refusing, second citations,
 * which measure to quote) on the generated questions of evals/generated/, chooses their
 * thresholds on cross-validated predictions (folds split by brief), reports the held-out figures
 * in evals/calibration.md, and writes the fitted models to src/decision/models.json.
 */
export async function calibrateCommand(argv: readonly string[], open: () => Promise<AnswerPipeline>, log: Logger, corpusDir: string): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { "dry-run": { type: "boolean", default: false }, misses: { type: "string" } } });
  const items = readDataset(GENERATED);
  // The answerable questions also serve the index, as the questions each text answers (doc2query).
  // The texts alone say where each question's facts stand: a stale doc2query must not stop its rewrite.
  if (!values["dry-run"]) writeDoc2Query(join(corpusDir, DOC2QUERY), items, loadCorpus(corpusDir, { doc2query: false }));
  const pipeline = await open();
  const { index } = pipeline;
  const group = (i: EvalItem) => (i.expected.length ? (i.provenance?.brief ?? i.id) : i.id);
  // Two splits. The decisions are fitted and measured on folds by brief: no action's questions on
  // both sides. The index a question is searched in leaves out that question and a fifth of the
  // others, drawn at random: like a new question in production, it meets the other questions
  // written for its action, never itself.
  const fold = (i: EvalItem) => foldOf(i.id, FOLDS);
  const scratch = mkdtempSync(join(tmpdir(), "fdr-calibrate-"));
  const folds: { index: SearchIndex; pipeline: AnswerPipeline }[] = [];
  try {
    for (let k = 0; k < FOLDS; k++) {
      const held = new Set(items.filter((i) => fold(i) === k).map((i) => i.question));
      const foldIndex = await buildIndex(withoutQuestions(index.corpus, held), index.embeddings, index.manifest.embedder, join(scratch, `fold-${k}`));
      folds.push({ index: foldIndex, pipeline: createAnswerPipeline({ index: foldIndex, log }) });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const examples: Example[] = [];
  for (const i of items) {
    const f = folds[fold(i)]!;
    examples.push({
      id: i.id, question: i.question, expected: i.expected, match: i.match, mustMention: i.must_mention, group: group(i),
      kind: i.provenance?.brief ?? i.kind, result: await f.pipeline.search(i.question), corpus: f.index.corpus,
    });
  }
  const text = (chunk: string) => {
    const c = index.chunkById.get(chunk);
    return c ? `${c.measure ?? ""} ${c.body}` : "";
  };

  const cv = crossValidate(examples, STARTING_POINT, text, FOLDS);
  const fitted = fitModels(examples, STARTING_POINT, text);
  // A fold's index holds most of its question's sibling paraphrases, so a right runner-up is commoner
  // there than for questions phrased by other people: the second-citation threshold reads the folds
  // and the development questions (answered by the models fitted on all folds) with equal weight.
  const development: Example[] = [];
  for (const i of readDataset(DEVELOPMENT).filter((x) => x.expected.length)) {
    development.push({ id: i.id, question: i.question, expected: i.expected, match: i.match, mustMention: i.must_mention, group: i.id, kind: i.kind, result: await pipeline.search(i.question), corpus: index.corpus });
  }
  const closestAt = refusalThreshold(cv.answer, FALSE_REFUSAL_BUDGET);
  const answerAt = Math.max(closestAt, refusalThreshold(cv.answer, FALSE_REFUSAL_BUDGET + FLAG_BUDGET));
  const thresholds = {
    answer: { answerAt: round(answerAt), closestAt: round(closestAt) },
    extra: extraThreshold(cv.extras, extrasUnder(development, fitted)),
    piece: pieceThreshold(cv.pieces),
  };
  const withThresholds = (m: Models): Models => ({
    ...m,
    answer: { ...m.answer, ...thresholds.answer },
    extra: { ...m.extra, keepAt: thresholds.extra },
    piece: { ...m.piece, secondAt: thresholds.piece },
  });

  // End to end on held-out folds: each fold's questions answered by the models fitted without them.
  const outcomes = new Map<string, Outcome>();
  for (const f of cv.folds) {
    for (const [j, searched] of folds.entries()) {
      const these = items.filter((i) => f.test.has(i.id) && fold(i) === j);
      const foldPipeline = createAnswerPipeline({ index: searched.index, log, models: withThresholds(f.models) });
      for (const [id, o] of await outcomesOf(these, foldPipeline)) outcomes.set(id, o);
    }
  }
  const known = knownIds(index);
  const overall = score(items, outcomes, known);
  const kinds = byKind(items, outcomes, known);
  const negatives = new Map<string, EvalItem[]>();
  for (const i of items.filter((x) => !x.expected.length)) negatives.set(i.provenance?.brief ?? "?", [...(negatives.get(i.provenance?.brief ?? "?") ?? []), i]);

  const final = Models.parse(withThresholds({ ...fitted, fitted: `${items.length} generated questions (${GENERATED}), ${FOLDS}-fold cross-validation by brief` }));
  const report = [
    "# Calibration of the decisions",
    "",
    `Fitted by \`npm run calibrate\` on ${items.length} generated questions (${items.filter((i) => i.expected.length).length} answerable, ${items.filter((i) => !i.expected.length).length} not), written from the source texts alone (\`${GENERATED}/\`). Folds: ${FOLDS}, split by brief (${new Set(examples.map((e) => e.group)).size} groups: an action or passage and all its paraphrases fall in one fold; ${new Set(examples.map((e) => foldOf(e.group, FOLDS))).size} folds used).`,
    "",
    `Thresholds chosen on held-out predictions: answer at p ≥ ${thresholds.answer.answerAt}, closest text flagged from ${thresholds.answer.closestAt} (false-refusal budget ${FALSE_REFUSAL_BUDGET * 100} %), second citation at ${thresholds.extra} (read on the folds and, with equal weight, on the ${development.length} answerable questions of \`${DEVELOPMENT}/\` answered by the final models), second measure at ${thresholds.piece}.`,
    "",
    "## Held-out figures, end to end (each question answered by the models fitted without its fold)",
    "",
    metricsTable([["all", overall], ...Object.entries(kinds).map(([k, m]) => [k, m!] as [string, Metrics])]),
    "",
    "### Questions the texts cannot answer, by kind",
    "",
    "| kind | n | refused |",
    "|---|---|---|",
    ...[...negatives].map(([brief, list]) => `| ${brief} | ${list.length} | ${fmt(list.filter((i) => outcomes.get(i.id)!.refused).length / list.length)} |`),
    "",
    "## The fitted models (standardised weights: the push of one standard deviation)",
    "",
    ...(["rerank", "answer", "extra", "piece"] as const).flatMap((name) => [`### ${name}`, "", weightsTable(final[name].model), ""]),
  ].join("\n");

  process.stdout.write(`${report}\n`);
  if (values.misses) {
    // Every held-out question the decisions got wrong, to read by kind of failure.
    const p = new Map(cv.answer.map((a) => [a.id, a.p]));
    const wrong = items.filter((i) => {
      const o = outcomes.get(i.id)!;
      return i.expected.length ? o.refused || !o.citations.some((c) => i.expected.some((e) => c === e || (!e.includes("#") && c.startsWith(`${e}#`)))) || o.citations.length > 1 : !o.refused;
    });
    writeFileSync(values.misses, wrong.map((i) => JSON.stringify({ id: i.id, kind: i.kind, brief: i.provenance?.brief, q: i.question, expected: i.expected, cited: outcomes.get(i.id)!.citations, retrieved: outcomes.get(i.id)!.retrieved.slice(0, 3), refused: outcomes.get(i.id)!.refused, p: p.get(i.id) ?? null })).join("\n") + "\n");
  }
  if (!values["dry-run"]) {
    writeFileSync(resolve(MODELS), `${JSON.stringify(final, null, 2)}\n`);
    writeFileSync(resolve(REPORT), `${report}\n`);
    process.stderr.write(`Models written to ${MODELS}, report to ${REPORT}.\n`);
  }
  return 0;
}

/**
 * The generated answerable questions, by the citations that answer them, in the enrichment format:
 * corpus/doc2query.yaml, which the manifest names. Written only when it changes. A question whose
 * expected facts stand in some of a text's measures or passages, not all, is listed under those.
 */
function writeDoc2Query(file: string, items: readonly EvalItem[], corpus: Corpus): void {
  type Entry = { questions: string[]; pieces?: Record<string, string[]> };
  const out: { actions: Record<string, Entry>; documents: Record<string, Entry> } = { actions: {}, documents: {} };
  for (const i of items) {
    for (const id of i.expected) {
      const part = id.includes("#") ? out.actions : out.documents;
      const entry = (part[id] ??= { questions: [] });
      entry.questions.push(i.question);
      for (const name of piecesHolding(corpus, id, i.must_mention)) ((entry.pieces ??= {})[name] ??= []).push(i.question);
    }
  }
  const sorted = (r: Record<string, Entry>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })));
  const text = `${DOC2QUERY_HEADER}${stringify({ actions: sorted(out.actions), documents: sorted(out.documents) }, { lineWidth: 0 })}`;
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}

const DOC2QUERY_HEADER = `# Questions written from the texts alone (evals/generated/), by the citation that answers them:
# the index reads them like the curated enrichment's questions (doc2query); under \`pieces\`,
# those whose expected facts stand in that measure or passage. Written by
# \`npm run calibrate\`, which measures the decisions on folds whose index leaves their own
# questions out. Do not edit: edit evals/generated/ and run npm run calibrate.
`;

/** The corpus without some questions of its enrichment: a fold's own. */
function withoutQuestions(corpus: Corpus, held: ReadonlySet<string>): Corpus {
  const keep = (qs: readonly string[]) => qs.filter((q) => !held.has(q));
  const strip = (r: Record<string, Enrichment>) =>
    Object.fromEntries(Object.entries(r).map(([id, e]) => [id, { ...e, questions: keep(e.questions), pieces: Object.fromEntries(Object.entries(e.pieces).map(([t, qs]) => [t, keep(qs)])) }]));
  return { ...corpus, enrichment: { actions: strip(corpus.enrichment.actions), documents: strip(corpus.enrichment.documents) }, hash: `${corpus.hash}-fold` };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function fmt(v: number | null | undefined): string {
  return typeof v === "number" ? v.toFixed(3) : "–";
}

function metricsTable(rows: [string, Metrics][]): string {
  return [
    "| kind | n | R@1 | R@5 | answer recall | citation precision | must mention | refusal acc. | false refusal |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(([k, m]) => `| ${k} | ${m.n} | ${fmt(m.recall_at_1)} | ${fmt(m.recall_at_5)} | ${fmt(m.answer_recall)} | ${fmt(m.citation_precision)} | ${fmt(m.must_mention)} | ${fmt(m.refusal_accuracy)} | ${fmt(m.false_refusal_rate)} |`),
  ].join("\n");
}

function weightsTable(model: LogisticModel): string {
  return [
    "| feature | weight |",
    "|---|---|",
    ...model.features.map((f, i) => [f, model.weights[i]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([f, w]) => `| ${f} | ${w.toFixed(3)} |`),
    `| (bias) | ${model.bias.toFixed(3)} |`,
  ].join("\n");
}

/** The names of the pieces of `id` (measures by title, passages by opening) that hold one of the facts, when not all of them do. */
function piecesHolding(corpus: Corpus, id: string, facts: readonly string[]): string[] {
  const { document, action } = parseCitationId(id);
  const doc = corpus.documents.find((d) => d.id === document);
  const pieces =
    action === null
      ? (doc?.passages ?? []).map((p) => ({ name: passageOpening(p.text), text: `${p.section ?? ""} ${p.text}` }))
      : (doc?.actions.find((a) => a.number === action)?.measures ?? []).filter((m) => m.title !== null).map((m) => ({ name: m.title!, text: `${m.title} ${m.text ?? ""}` }));
  const holding = pieces.filter((p) => facts.some((f) => mentions(p.text, f)));
  return holding.length < pieces.length ? [...new Set(holding.map((p) => p.name))] : [];
}
