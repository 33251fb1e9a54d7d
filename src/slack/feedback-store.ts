import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { Answer, Citation } from "../answer/schema.js";

export const FEEDBACK_FILE = "feedback.sqlite";

/**
 * Answers are kept so that a click, maybe days later, knows what it rates; unrated ones are
 * dropped after this, since they hold users' questions and nobody will review them.
 */
const UNRATED_ANSWER_DAYS = 30;

/** What a feedback click needs to know about the answer it rates. */
export const StoredAnswer = z.object({
  id: z.string(),
  question: z.string(),
  standalone_question: z.string().nullable(),
  answer: z.string(),
  citations: z.array(Citation),
  lang: Answer.shape.lang,
  kind: Answer.shape.kind,
  created_at: z.string(),
});
export type StoredAnswer = z.infer<typeof StoredAnswer>;

export const FeedbackRow = StoredAnswer.omit({ id: true, created_at: true }).extend({
  id: z.number().int(),
  answer_id: z.string(),
  rating: z.enum(["positive", "negative"]),
  /** sha256 of the Slack user ID: counts distinct people without keeping who they are. */
  user_hash: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: z.string(),
});
export type FeedbackRow = z.infer<typeof FeedbackRow>;

/** A line of evals/dataset.jsonl, proposed from a negative rating for a human to review. */
export const CandidateLine = z
  .object({
    id: z.string(),
    question: z.string(),
    lang: z.enum(["fr", "en"]),
    kind: z.enum(["lookup", "paraphrase", "acronym", "structural", "cross", "regional", "english", "sloppy", "out_of_scope"]),
    expected: z.array(z.string()),
    match: z.enum(["any", "all"]),
    must_mention: z.array(z.string()),
    notes: z.string(),
  })
  .strict();
export type CandidateLine = z.infer<typeof CandidateLine>;

export function hashUser(userId: string): string {
  return createHash("sha256").update(userId).digest("hex");
}

/** Answers as posted and the feedback clicks on them, in SQLite under DATA_DIR. */
export class FeedbackStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string, now: Date = new Date()): FeedbackStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, FEEDBACK_FILE));
    db.pragma("journal_mode = WAL");
    // The default (FULL) waits for the disk on every answer saved, inside the bot's event loop.
    // NORMAL, SQLite's advice for WAL, stays consistent: a power cut may lose the last few
    // records, never corrupt the file.
    db.pragma("synchronous = NORMAL");
    db.exec(`
      CREATE TABLE IF NOT EXISTS answers (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        standalone_question TEXT,
        answer TEXT NOT NULL,
        citations TEXT NOT NULL,
        lang TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('positive', 'negative')),
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        standalone_question TEXT,
        answer TEXT NOT NULL,
        citations TEXT NOT NULL,
        lang TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS feedback_answer ON feedback (answer_id);
    `);
    const cutoff = new Date(now.getTime() - UNRATED_ANSWER_DAYS * 86_400_000).toISOString();
    db.prepare("DELETE FROM answers WHERE created_at < ? AND id NOT IN (SELECT answer_id FROM feedback)").run(cutoff);
    return new FeedbackStore(db);
  }

  saveAnswer(id: string, answer: Answer, at: Date = new Date()): void {
    this.db
      .prepare(
        `INSERT INTO answers (id, question, standalone_question, answer, citations, lang, kind, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, answer.question, answer.standalone_question ?? null, answer.answer, JSON.stringify(answer.citations), answer.lang, answer.kind, at.toISOString());
  }

  answer(id: string): StoredAnswer | undefined {
    const row = this.db.prepare("SELECT * FROM answers WHERE id = ?").get(id) as Record<string, unknown> | undefined;
    return row && StoredAnswer.parse({ ...row, citations: JSON.parse(String(row.citations)) });
  }

  /** Stores one click; undefined when the answer is unknown (posted before DATA_DIR was emptied). */
  recordFeedback(click: { answerId: string; rating: FeedbackRow["rating"]; userId: string; at?: Date }): FeedbackRow | undefined {
    const answer = this.answer(click.answerId);
    if (!answer) return undefined;
    const info = this.db
      .prepare(
        `INSERT INTO feedback (answer_id, rating, user_hash, question, standalone_question, answer, citations, lang, kind, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        answer.id,
        click.rating,
        hashUser(click.userId),
        answer.question,
        answer.standalone_question,
        answer.answer,
        JSON.stringify(answer.citations),
        answer.lang,
        answer.kind,
        (click.at ?? new Date()).toISOString(),
      );
    return feedbackRow(this.db.prepare("SELECT * FROM feedback WHERE id = ?").get(info.lastInsertRowid));
  }

  /** Every click, oldest first. */
  feedback(): FeedbackRow[] {
    return this.db.prepare("SELECT * FROM feedback ORDER BY id").all().map(feedbackRow);
  }

  /**
   * One candidate evaluation line per answer that someone still rates negatively (their latest
   * click on it), oldest first. `expected` holds what the answer cited: a human decides.
   */
  candidates(): CandidateLine[] {
    const latest = new Map<string, FeedbackRow>();
    for (const f of this.feedback()) latest.set(`${f.answer_id}/${f.user_hash}`, f);
    const negative = new Map<string, { row: FeedbackRow; count: number }>();
    for (const f of latest.values()) {
      if (f.rating !== "negative") continue;
      const seen = negative.get(f.answer_id);
      negative.set(f.answer_id, { row: seen?.row ?? f, count: (seen?.count ?? 0) + 1 });
    }
    return [...negative.values()].sort((a, b) => a.row.id - b.row.id).map(({ row, count }) => candidateLine(row, count));
  }

  close(): void {
    this.db.close();
  }
}

function feedbackRow(row: unknown): FeedbackRow {
  const r = row as Record<string, unknown>;
  return FeedbackRow.parse({ ...r, citations: JSON.parse(String(r.citations)) });
}

function candidateLine(row: FeedbackRow, negatives: number): CandidateLine {
  const expected = row.citations.map((c) => c.id);
  const rewritten = row.standalone_question && row.standalone_question !== row.question;
  const notes = [
    `À relire : proposé depuis Slack (${negatives} avis négatif${negatives > 1 ? "s" : ""}, ${row.created_at.slice(0, 10)}).`,
    expected.length
      ? "expected = les IDs cités par la réponse jugée mauvaise, pas forcément les bons : corriger expected, kind et must_mention avant de l'ajouter."
      : "La réponse n'a rien cité : vérifier si la question est couverte, puis renseigner expected et kind.",
    rewritten ? `Question posée dans un fil : « ${row.question} ».` : "",
    `Réponse donnée (${row.kind}) : ${row.answer.replace(/\s+/g, " ").slice(0, 300)}`,
  ];
  return CandidateLine.parse({
    id: `slack-${row.answer_id}`,
    question: rewritten ? row.standalone_question : row.question,
    lang: row.lang,
    kind: expected.length === 0 ? "out_of_scope" : row.lang === "en" ? "english" : row.kind === "structural" ? "structural" : row.kind === "compare" ? "cross" : "paraphrase",
    expected,
    match: "any",
    must_mention: [],
    notes: notes.filter(Boolean).join(" "),
  });
}
