import type { Answer } from "../../../src/answer/schema.js";
import type { IndexDescription, SlackPipeline } from "../../../src/slack/deps.js";

/** A small, fixed answer, for tests about Slack rather than about retrieval. */
export function fixedAnswer(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    lang: "fr",
    kind: "structural",
    answer: "Feuille de route 2023-2027 — action 14 : « Cybersécurité ». [1]",
    statements: [{ text: "Feuille de route 2023-2027 — action 14 : « Cybersécurité ».", cites: [1] }],
    citations: [{ id: "fdr-2023-2027#action-14", label: "Feuille de route 2023-2027 · Axe Cadre propice · Action 14" }],
    retrieved: [{ id: "fdr-2023-2027#action-14", score: 1 }],
    refused: false,
    mode: "extractive",
    timings_ms: { retrieval: 1, answer: 1, total: 2 },
    ...overrides,
  };
}

export const DESCRIPTION: IndexDescription = {
  corpusHash: "0123456789abcdef0123456789abcdef",
  embedder: "test-embedder",
  chunks: 42,
  builtAt: "2025-01-02T03:04:05.000Z",
  documents: [
    { id: "fdr-2023-2027", label: "Feuille de route 2023-2027" },
    { id: "virage-numerique-2019", label: "Feuille de route 2019" },
  ],
  // Unlike the real corpus's, so a test shows that the help says what the pipeline gives; "R&D" is escaped in mrkdwn.
  examples: {
    fr: {
      questions: ["c'est quoi le carnet R&D ?", "qu'est devenu le carnet depuis 2001 ?"],
      references: ["action 7", "2001 action 3", "les volets de 2030-2034"],
      followUps: ["et en 2001 ?"],
    },
    en: { questions: ["what is the R&D notebook?"], references: ["action 7"], followUps: ["and in 2001?"] },
  },
};

/** The help's "how to ask" for DESCRIPTION, written out by hand: what a person reads. */
export const HOW_TO_ASK = [
  "*Comment me poser une question*",
  "• Mentionnez-moi dans un canal : je réponds dans le fil. Pour une question de suivi (« et en 2001 ? », « détaille la deuxième »), mentionnez-moi à nouveau dans le fil.",
  "• Écrivez-moi en message direct, ou ouvrez-moi dans le panneau des agents IA.",
  "• `/feuille-de-route aide`, `/feuille-de-route action 7`, `/feuille-de-route 2001 action 3`, `/feuille-de-route les volets de 2030-2034` ou `/feuille-de-route votre question`.",
  "Exemples : « C'est quoi le carnet R&amp;D ? », « Qu'est devenu le carnet depuis 2001 ? », « Les volets de 2030-2034 ».",
].join("\n");

/** The short help for DESCRIPTION: its first question and its first reference. */
export const SHORT_HELP =
  "Bonjour ! Posez-moi une question sur les feuilles de route du numérique en santé, par exemple « c'est quoi le carnet R&amp;D ? » ou « action 7 ». " +
  "Chaque réponse cite l'action exacte. Pour en savoir plus : `/feuille-de-route aide`.";

/** A pipeline whose `ask` is given; `describe` is fixed. */
export function stubPipeline(ask: SlackPipeline["ask"] = async (q) => fixedAnswer(q)): SlackPipeline {
  return { ask, describe: () => DESCRIPTION };
}

/** A promise settled from outside: holds a step until the test releases it. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
