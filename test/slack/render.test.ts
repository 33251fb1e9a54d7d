import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/schema.js";
import { ABRIDGED } from "../../src/slack/messages.js";
import {
  escapeMrkdwn,
  feedbackBlock,
  helpMessage,
  homeView,
  MAX_BLOCK_TEXT,
  MAX_BLOCKS,
  parseFeedbackValue,
  renderAnswer,
  SECTION_LIMIT,
  threadTitle,
} from "../../src/slack/render.js";
import { DESCRIPTION, fixedAnswer, HOW_TO_ASK } from "./support/answers.js";

const FEEDBACK = {
  type: "context_actions",
  elements: [
    {
      type: "feedback_buttons",
      action_id: "feedback",
      positive_button: { text: { type: "plain_text", text: "Utile" }, accessibility_label: "Cette réponse m'a été utile", value: "positive:a1" },
      negative_button: { text: { type: "plain_text", text: "Pas utile" }, accessibility_label: "Cette réponse ne m'a pas été utile", value: "negative:a1" },
    },
  ],
};

function answerOf(statements: Answer["statements"], citations: Answer["citations"]): Answer {
  return fixedAnswer("q", { statements, citations, answer: statements.map((s) => s.text).join("\n") });
}

describe("escapeMrkdwn", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeMrkdwn("R&D <!here> <https://x|y> *gras* « é »")).toBe("R&amp;D &lt;!here&gt; &lt;https://x|y&gt; *gras* « é »");
  });
});

describe("renderAnswer", () => {
  it("renders statements with their markers, numbered sources, feedback and metadata", () => {
    const answer = answerOf(
      [
        { text: "Action 13 : diffuser l'ApCV <appli> & sécuriser.", cites: [1] },
        { text: "En 2019 : action 7.", cites: [2, 1] },
        { text: "Sans source.", cites: [] },
      ],
      [
        { id: "fdr-2023-2027#action-13", label: "Feuille de route 2023-2027 · Axe Accès à la santé · Action 13 › ApCV" },
        { id: "virage-numerique-2019#action-7", label: "Feuille de route 2019 · Orientation 2 (Sécurité & interopérabilité) · Action 7" },
      ],
    );
    expect(renderAnswer(answer, "a1")).toEqual({
      text: "Action 13 : diffuser l'ApCV &lt;appli&gt; &amp; sécuriser. [1]\nEn 2019 : action 7. [2][1]\nSans source.",
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "Action 13 : diffuser l'ApCV &lt;appli&gt; &amp; sécuriser. [1]\nEn 2019 : action 7. [2][1]\nSans source." },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text:
              "*Sources*\n[1] Feuille de route 2023-2027 · Axe Accès à la santé · Action 13 › ApCV\n" +
              "[2] Feuille de route 2019 · Orientation 2 (Sécurité &amp; interopérabilité) · Action 7",
          },
        },
        FEEDBACK,
      ],
      metadata: { event_type: "fdr_answer", event_payload: { answer_id: "a1", citations: "fdr-2023-2027#action-13 virage-numerique-2019#action-7" } },
    });
  });

  it("renders a refusal without a Sources block, still with feedback", () => {
    const answer = answerOf([{ text: "Je ne trouve rien sur ce sujet.", cites: [] }], []);
    expect(renderAnswer(answer, "a1")).toEqual({
      text: "Je ne trouve rien sur ce sujet.",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Je ne trouve rien sur ce sujet." } }, FEEDBACK],
      metadata: { event_type: "fdr_answer", event_payload: { answer_id: "a1", citations: "" } },
    });
  });

  it("shows why a language-model answer fell back to the extractive one", () => {
    const answer = fixedAnswer("q", { fallback_reason: "Réponse extractive : le modèle de langue est indisponible." });
    expect(renderAnswer(answer, "a1").blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "Feuille de route 2023-2027 — action 14 : « Cybersécurité ». [1]" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "_Réponse extractive : le modèle de langue est indisponible._" }] },
      { type: "section", text: { type: "mrkdwn", text: "*Sources*\n[1] Feuille de route 2023-2027 · Axe Cadre propice · Action 14" } },
      FEEDBACK,
    ]);
  });

  it("splits between statements so no section exceeds 3,000 characters", () => {
    const long = "x".repeat(1400);
    const answer = answerOf(
      [1, 2, 3].map((n) => ({ text: `${n}${long}`, cites: [1] })),
      [{ id: "doc", label: "Doc" }],
    );
    const { blocks = [] } = renderAnswer(answer, "a1");
    const texts = blocks.filter((b) => b.type === "section").map((b) => (b as { text: { text: string } }).text.text);
    expect(texts).toEqual([`1${long} [1]\n2${long} [1]`, `3${long} [1]`, "*Sources*\n[1] Doc"]);
  });

  it("cuts a statement longer than a section at a space, its markers on the last piece", () => {
    const words = Array.from({ length: 700 }, (_, i) => `mot${i}`).join(" "); // ~4,500 characters
    const answer = answerOf([{ text: words, cites: [1, 2] }], [
      { id: "a", label: "A" },
      { id: "b", label: "B" },
    ]);
    const sections = (renderAnswer(answer, "a1").blocks ?? []).filter((b) => b.type === "section").map((b) => (b as { text: { text: string } }).text.text);
    expect(sections).toHaveLength(3);
    expect(sections[0]!.length).toBeLessThanOrEqual(SECTION_LIMIT);
    expect(sections[0]!.endsWith(" ")).toBe(false);
    expect(sections[1]!.endsWith("mot699 [1][2]")).toBe(true);
    expect(`${sections[0]} ${sections[1]}`).toBe(`${words} [1][2]`);
  });

  it("abridges an answer too long for one message at a statement boundary, within Slack's limits", () => {
    const statements = Array.from({ length: 80 }, (_, i) => ({ text: `Énoncé ${i} ${"y".repeat(2500)}`, cites: [1] }));
    const message = renderAnswer(answerOf(statements, [{ id: "doc", label: "Doc" }]), "a1");
    const blocks = message.blocks ?? [];
    const sections = blocks.filter((b) => b.type === "section").map((b) => (b as { text: { text: string } }).text.text);
    expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(sections.every((t) => t.length <= SECTION_LIMIT)).toBe(true);
    expect(sections.reduce((n, t) => n + t.length, 0) + ABRIDGED.length).toBeLessThanOrEqual(MAX_BLOCK_TEXT);
    // Every kept statement is whole, with its marker; the note, the sources and the buttons follow.
    expect(sections.slice(0, -1).every((t) => /^Énoncé \d+ y{2500} \[1\]$/.test(t))).toBe(true);
    expect(blocks.at(-3)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: ABRIDGED }] });
    expect(sections.at(-1)).toBe("*Sources*\n[1] Doc");
    expect(blocks.at(-1)).toEqual(FEEDBACK);
    expect(message.text).toBe(sections.slice(0, -1).join("\n"));
  });

  it("keeps the beginning of a single statement longer than a whole message", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(" "); // ~20,000 characters
    const message = renderAnswer(answerOf([{ text: words, cites: [1] }], [{ id: "doc", label: "Doc" }]), "a1");
    const blocks = message.blocks ?? [];
    const sections = blocks.filter((b) => b.type === "section").map((b) => (b as { text: { text: string } }).text.text);
    expect(sections.length).toBeGreaterThan(2);
    expect(words.startsWith(sections[0]!)).toBe(true);
    expect(sections.reduce((n, t) => n + t.length, 0) + ABRIDGED.length).toBeLessThanOrEqual(MAX_BLOCK_TEXT);
    expect(blocks.at(-3)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: ABRIDGED }] });
  });
});

describe("feedback values", () => {
  it("round-trips through the buttons, within Slack's 2,000 characters", () => {
    const id = "3f0c8a52-6f7e-4a43-9f1e-0b9b0f6f7a10";
    const block = feedbackBlock(id);
    const element = block.elements[0] as { positive_button: { value: string }; negative_button: { value: string } };
    expect(parseFeedbackValue(element.positive_button.value)).toEqual({ rating: "positive", answerId: id });
    expect(parseFeedbackValue(element.negative_button.value)).toEqual({ rating: "negative", answerId: id });
    expect(element.negative_button.value.length).toBeLessThanOrEqual(2000);
    expect(parseFeedbackValue("bad-feedback")).toBeUndefined();
  });
});

describe("help, home and titles", () => {
  it("lists the covered documents in the help text, escaped", () => {
    const message = helpMessage({ ...DESCRIPTION, documents: [...DESCRIPTION.documents, { id: "x", label: "R&D <x>" }] });
    expect(message).toEqual({
      text: `Je réponds à partir de ces textes : Feuille de route 2023-2027, Feuille de route 2019, R&amp;D &lt;x&gt;. Chaque réponse cite l'action exacte, avec ses sources numérotées.\n\n${HOW_TO_ASK}`,
    });
  });

  it("builds the Home tab from the index description", () => {
    expect(homeView(DESCRIPTION)).toEqual({
      type: "home",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "fdr-santé" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "Je réponds aux questions sur les feuilles de route du numérique en santé, en citant l'action exacte de chaque affirmation." },
        },
        { type: "section", text: { type: "mrkdwn", text: "*Textes couverts*\n• Feuille de route 2023-2027\n• Feuille de route 2019" } },
        { type: "section", text: { type: "mrkdwn", text: HOW_TO_ASK } },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: "Les boutons « Utile » / « Pas utile » sous chaque réponse nous aident à l'améliorer ; votre identifiant Slack n'est pas conservé (seulement son empreinte).",
            },
            { type: "mrkdwn", text: "Index : 42 passages, corpus `0123456789ab`, construit le 2025-01-02." },
          ],
        },
      ],
    });
  });

  it("titles a thread with its first question, shortened", () => {
    expect(threadTitle("c'est quoi l'ApCV ?")).toBe("c'est quoi l'ApCV ?");
    const title = threadTitle("a".repeat(200));
    expect(title).toHaveLength(80);
    expect(title.endsWith("…")).toBe(true);
  });
});
