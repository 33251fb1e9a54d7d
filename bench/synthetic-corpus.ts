import { createHash } from "node:crypto";
import { actionId, type Corpus, type CorpusDocument, type Enrichment } from "../src/corpus/schema.js";

/** mulberry32: a tiny 32-bit PRNG whose sequence depends only on the seed, the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20261122;

type Random = () => number;

function pick<T>(random: Random, pool: readonly T[]): T {
  return pool[Math.floor(random() * pool.length)]!;
}

/**
 * The head of one text joined to the tail of another, cut at word boundaries. Copies of whole
 * texts would give exact duplicate vectors, which neither a real corpus nor a fair recall
 * measurement has; spliced texts are new but keep the real vocabulary and lengths.
 */
export function splice(random: Random, a: string, b: string): string {
  const left = a.split(" ");
  const right = b.split(" ");
  const cut = (n: number) => Math.max(1, Math.round(n * (0.3 + 0.4 * random())));
  return [...left.slice(0, cut(left.length)), ...right.slice(cut(right.length))].join(" ").trim() || a;
}

interface Pools {
  actionTitles: string[];
  measures: { title: string | null; text: string | null }[];
  passages: string[];
  keywords: string[][];
  questions: string[];
}

function poolsOf(corpus: Corpus): Pools {
  const enrichment = [...Object.values(corpus.enrichment.actions), ...Object.values(corpus.enrichment.documents)];
  return {
    actionTitles: corpus.documents.flatMap((d) => d.actions.map((a) => a.title)),
    measures: corpus.documents.flatMap((d) => d.actions.flatMap((a) => a.measures.map((m) => ({ title: m.title, text: m.text })))),
    passages: corpus.documents.flatMap((d) => d.passages.map((p) => p.text)),
    keywords: enrichment.map((e) => e.keywords).filter((k) => k.length > 0),
    questions: enrichment.flatMap((e) => e.questions),
  };
}

/** Same number of keywords and questions as the real entry, recombined from the whole pool. */
function recombineEnrichment(random: Random, pools: Pools, real: Enrichment): Enrichment {
  return {
    keywords: real.keywords.length ? pick(random, pools.keywords) : [],
    questions: real.questions.map(() => splice(random, pick(random, pools.questions), pick(random, pools.questions))),
    // Spliced questions belong to no measure or passage.
    pieces: {},
    draft: real.draft,
  };
}

/**
 * A copy of a real document with the same structure (groups, action numbers, measure counts,
 * passage count), so its chunks are as many and as long as the original's, but every text
 * recombined from the whole corpus. Its label and id differ, so questions naming a real document
 * still find that one alone.
 */
function copyDocument(random: Random, pools: Pools, doc: CorpusDocument, copy: number): CorpusDocument {
  return {
    ...doc,
    id: `${doc.id}-synth-${copy}`,
    title: `${doc.title} (synthèse ${copy})`,
    label: `${doc.label} (synthèse ${copy})`,
    aliases: [],
    year: null,
    period: null,
    actions: doc.actions.map((a) => ({
      ...a,
      title: splice(random, pick(random, pools.actionTitles), pick(random, pools.actionTitles)),
      measures: a.measures.map((m) => {
        const source = pick(random, pools.measures);
        const other = pick(random, pools.measures);
        return { ...m, title: source.title, text: source.text && other.text ? splice(random, source.text, other.text) : source.text };
      }),
    })),
    passages: doc.passages.map((p) => ({ ...p, text: splice(random, pick(random, pools.passages), pick(random, pools.passages)) })),
  };
}

/**
 * The real corpus grown `scale` times: the real documents, then `scale - 1` recombined copies of
 * each, with their curated enrichment recombined too (it is most of the chunks). Deterministic:
 * the same corpus, scale and seed give the same result on every machine. Glossary and
 * correspondences stay the real ones: they describe the real documents. Scale 1 is the real
 * corpus itself, so the growth table's first row is the system as it runs today.
 */
export function synthesizeCorpus(real: Corpus, scale: number, seed = DEFAULT_SEED): Corpus {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number >= 1, not ${scale}`);
  if (scale === 1) return real;
  const random = mulberry32(seed);
  const pools = poolsOf(real);
  const documents = [...real.documents];
  const actions = { ...real.enrichment.actions };
  const docEnrichment = { ...real.enrichment.documents };
  for (let copy = 1; copy < scale; copy++) {
    for (const doc of real.documents) {
      const synthetic = copyDocument(random, pools, doc, copy);
      documents.push(synthetic);
      for (const a of doc.actions) {
        const extra = real.enrichment.actions[actionId(doc.id, a.number)];
        if (extra) actions[actionId(synthetic.id, a.number)] = recombineEnrichment(random, pools, extra);
      }
      const extra = real.enrichment.documents[doc.id];
      if (extra) docEnrichment[synthetic.id] = recombineEnrichment(random, pools, extra);
    }
  }
  // A hash of its own: an index built from it must never pass for the real corpus's index.
  const hash = createHash("sha256").update(`${real.hash}:synthetic:${scale}:${seed}`).digest("hex");
  return { ...real, documents, enrichment: { actions, documents: docEnrichment }, hash };
}
