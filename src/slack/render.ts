import type { types } from "@slack/bolt";
import type { HelpExamples } from "../answer/messages.js";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Answer } from "../answer/schema.js";
import { ABRIDGED, FEEDBACK_NOTE, howToAsk } from "./messages.js";

/** Slack's limits (docs.slack.dev/reference/block-kit): section text and blocks per message. */
export const SECTION_LIMIT = 3000;
export const MAX_BLOCKS = 50;
/** Slack rejects messages near 13.2k characters of block text in total (`msg_blocks_too_long`, bolt-js #2509). */
export const MAX_BLOCK_TEXT = 12_000;

export const FEEDBACK_ACTION_ID = "feedback";
/** Message metadata on every answer: how a later follow-up in the thread knows what was cited. */
export const ANSWER_EVENT_TYPE = "fdr_answer";

export type Rating = "positive" | "negative";

/** What the help text and the App Home show of the loaded index. */
export type IndexDescription = ReturnType<AnswerPipeline["describe"]>;

export interface SlackMessage {
  /** Notification and accessibility fallback; Slack shows `blocks` when present. */
  text: string;
  blocks?: types.KnownBlock[];
  metadata?: types.MessageMetadata;
}

/** `&`, `<`, `>` are Slack's only control characters; anything else stays as written. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function notice(text: string): SlackMessage {
  return { text };
}

/** The French examples of the loaded corpus, as mrkdwn shows them: they are its words, like its labels. */
export function shownExamples(index: IndexDescription): HelpExamples {
  const { questions, references, followUps } = index.examples.fr;
  return { questions: questions.map(escapeMrkdwn), references: references.map(escapeMrkdwn), followUps: followUps.map(escapeMrkdwn) };
}

/** The answer to `aide`: the covered texts, from the loaded index, and how to ask. */
export function helpMessage(index: IndexDescription): SlackMessage {
  const docs = index.documents.map((d) => escapeMrkdwn(d.label)).join(", ");
  return notice(`Je réponds à partir de ces textes : ${docs}. Chaque réponse cite l'action exacte, avec ses sources numérotées.\n\n${howToAsk(shownExamples(index))}`);
}

/**
 * An answer as one message: the statements in sections of at most 3,000 characters, cut between
 * statements; the numbered sources; the feedback buttons. An answer too long for one message is
 * abridged at a statement boundary, never inside a statement's citation markers.
 */
export function renderAnswer(answer: Answer, answerId: string, extraNotes: readonly string[] = []): SlackMessage {
  const sources = pack(answer.citations.map((c, i) => `[${i + 1}] ${escapeMrkdwn(c.label)}`), "*Sources*");
  const feedback = feedbackBlock(answerId);
  // The note that a language-model answer fell back to the extractive one (shown like the terminal
  // does), and the surface's own (files not read), written as mrkdwn already.
  const notes = [...(answer.fallback_reason ? [`_${escapeMrkdwn(answer.fallback_reason)}_`] : []), ...extraNotes];
  const reserved = sources.length + notes.length + 2; // sources, notes, feedback, and room for the "abridged" note
  const budget = MAX_BLOCK_TEXT - [...sources, ...notes, ABRIDGED].reduce((n, s) => n + s.length, 0);

  const statements = (answer.statements.length ? answer.statements : [{ text: answer.answer, cites: [] }]).map((s) =>
    splitLong(`${escapeMrkdwn(s.text)}${s.cites.length ? ` ${s.cites.map((n) => `[${n}]`).join("")}` : ""}`),
  );
  const fit = (lines: string[]) => {
    const packed = pack(lines);
    return packed.length <= MAX_BLOCKS - reserved && packed.reduce((n, s) => n + s.length, 0) <= budget ? packed : undefined;
  };
  const kept: string[] = [];
  let sections: string[] = [];
  let abridged = false;
  for (const pieces of statements) {
    const next = fit([...kept, ...pieces]);
    if (!next) {
      abridged = true;
      break;
    }
    kept.push(...pieces);
    sections = next;
  }
  // Never an empty answer: a first statement longer than a whole message keeps its first pieces.
  for (const piece of kept.length ? [] : statements[0]!) {
    const next = fit([...kept, piece]);
    if (!next) break;
    kept.push(piece);
    sections = next;
  }

  return {
    text: kept.join("\n"),
    blocks: [
      ...sections.map(section),
      ...[...notes, ...(abridged ? [ABRIDGED] : [])].map(context),
      ...sources.map(section),
      feedback,
    ],
    metadata: {
      event_type: ANSWER_EVENT_TYPE,
      // A space-separated string: citation IDs never contain spaces, and strings are always valid metadata.
      event_payload: { answer_id: answerId, citations: answer.citations.map((c) => c.id).join(" ") },
    },
  };
}

/** The assistant thread's title: the first question, short enough for the thread list. */
export function threadTitle(question: string): string {
  return question.length > 80 ? `${question.slice(0, 79).trimEnd()}…` : question;
}

export function feedbackBlock(answerId: string): types.ContextActionsBlock {
  return {
    type: "context_actions",
    elements: [
      {
        type: "feedback_buttons",
        action_id: FEEDBACK_ACTION_ID,
        positive_button: {
          text: { type: "plain_text", text: "Utile" },
          accessibility_label: "Cette réponse m'a été utile",
          value: `positive:${answerId}`,
        },
        negative_button: {
          text: { type: "plain_text", text: "Pas utile" },
          accessibility_label: "Cette réponse ne m'a pas été utile",
          value: `negative:${answerId}`,
        },
      },
    ],
  };
}

export function parseFeedbackValue(value: string): { rating: Rating; answerId: string } | undefined {
  const m = /^(positive|negative):([\w-]{1,64})$/.exec(value);
  return m ? { rating: m[1] as Rating, answerId: m[2]! } : undefined;
}

/** The App Home: what the bot covers, from the loaded index, and how to ask. */
export function homeView(index: IndexDescription): types.HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "fdr-santé" } },
      section("Je réponds aux questions sur les feuilles de route du numérique en santé, en citant l'action exacte de chaque affirmation."),
      ...pack(index.documents.map((d) => `• ${escapeMrkdwn(d.label)}`), "*Textes couverts*").map(section),
      section(howToAsk(shownExamples(index))),
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: FEEDBACK_NOTE },
          { type: "mrkdwn", text: `Index : ${index.chunks} passages, corpus \`${index.corpusHash.slice(0, 12)}\`, construit le ${index.builtAt.slice(0, 10)}.` },
        ],
      },
    ],
  };
}

function context(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** Lines joined into as few texts of at most SECTION_LIMIT characters as possible, in order. */
function pack(lines: readonly string[], heading?: string): string[] {
  if (!lines.length) return [];
  const out: string[] = [];
  let current = heading ?? "";
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SECTION_LIMIT) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  out.push(current);
  return out;
}

/** A single statement longer than a section is cut at spaces; its markers end the last piece. */
function splitLong(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > SECTION_LIMIT) {
    let cut = rest.lastIndexOf(" ", SECTION_LIMIT);
    if (cut <= 0) {
      cut = SECTION_LIMIT;
      // Never split an escape such as `&amp;`.
      const amp = rest.lastIndexOf("&", cut);
      if (amp > cut - 5 && !rest.slice(amp, cut).includes(";")) cut = amp;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
