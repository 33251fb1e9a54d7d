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

/**
 * A question acknowledged and not yet answered. `payload` is the surface's own description of it
 * (where to answer, the text), kept as JSON and validated by that surface when read back.
 */
export const PendingRow = z.object({
  key: z.string(),
  surface: z.string(),
  payload: z.unknown(),
  received_at: z.string(),
});
export type PendingRow = z.infer<typeof PendingRow>;

export interface FeedbackClick {
  answerId: string;
  rating: FeedbackRow["rating"];
  userId: string;
  /** The click's own identity (action timestamp): a replayed click is stored once. */
  clickId?: string | undefined;
  at?: Date;
}

export type RecordedClick = { status: "stored"; row: FeedbackRow } | { status: "unknown" } | { status: "duplicate" };

export interface OpenOptions {
  /**
   * How long a statement waits for another connection's lock. better-sqlite3's default (5 s)
   * blocks the whole event loop meanwhile; the bot uses a short wait and retries later instead.
   */
  lockWaitMs?: number;
  now?: Date;
}

export function hashUser(userId: string): string {
  return createHash("sha256").update(userId).digest("hex");
}

/** Answers as posted, the feedback clicks on them and the questions still to answer, in SQLite under DATA_DIR. */
export class FeedbackStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  static open(dataDir: string, { lockWaitMs = 5000, now = new Date() }: OpenOptions = {}): FeedbackStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, FEEDBACK_FILE);
    const db = new Database(file, { timeout: lockWaitMs });
    try {
      db.pragma("journal_mode = WAL");
      // The default (FULL) waits for the disk on every answer saved, inside the bot's event loop.
      // NORMAL, SQLite's advice for WAL, stays consistent: a power cut may lose the last few
      // records, never corrupt the file.
      db.pragma("synchronous = NORMAL");
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    const store = new FeedbackStore(db, file);
    store.forgetUnrated(now);
    return store;
  }

  /** Unrated answers past their keeping time; skipped, not fatal, when the file cannot be written now. */
  private forgetUnrated(now: Date): void {
    const cutoff = new Date(now.getTime() - UNRATED_ANSWER_DAYS * 86_400_000).toISOString();
    try {
      this.db.prepare("DELETE FROM answers WHERE created_at < ? AND id NOT IN (SELECT answer_id FROM feedback)").run(cutoff);
    } catch {
      // The next start tries again; reading and answering do not depend on it.
    }
  }

  /** Runs `work` as one transaction: several writes cost one commit. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  saveAnswer(id: string, answer: Answer, at: Date = new Date()): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO answers (id, question, standalone_question, answer, citations, lang, kind, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, answer.question, answer.standalone_question ?? null, answer.answer, JSON.stringify(answer.citations), answer.lang, answer.kind, at.toISOString());
  }

  answer(id: string): StoredAnswer | undefined {
    const row = this.db.prepare("SELECT * FROM answers WHERE id = ?").get(id) as Record<string, unknown> | undefined;
    return row && StoredAnswer.parse({ ...row, citations: JSON.parse(String(row.citations)) });
  }

  /** Stores one click: not when the answer is unknown (posted before DATA_DIR was emptied), once per click ID. */
  recordFeedback(click: FeedbackClick): RecordedClick {
    const answer = this.answer(click.answerId);
    if (!answer) return { status: "unknown" };
    const userHash = hashUser(click.userId);
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO feedback (answer_id, rating, user_hash, question, standalone_question, answer, citations, lang, kind, created_at, click_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        answer.id,
        click.rating,
        userHash,
        answer.question,
        answer.standalone_question,
        answer.answer,
        JSON.stringify(answer.citations),
        answer.lang,
        answer.kind,
        (click.at ?? new Date()).toISOString(),
        click.clickId === undefined ? null : `${userHash}/${click.clickId}`,
      );
    if (info.changes === 0) return { status: "duplicate" };
    return { status: "stored", row: feedbackRow(this.db.prepare("SELECT * FROM feedback WHERE id = ?").get(info.lastInsertRowid)) };
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

  addPending(key: string, surface: string, payload: unknown, at: Date = new Date()): void {
    this.db.prepare("INSERT OR REPLACE INTO pending (key, surface, payload, received_at) VALUES (?, ?, ?, ?)").run(key, surface, JSON.stringify(payload), at.toISOString());
  }

  removePending(key: string): void {
    this.db.prepare("DELETE FROM pending WHERE key = ?").run(key);
  }

  /** Questions acknowledged and never answered (the process stopped first), oldest first. */
  pending(): PendingRow[] {
    return (this.db.prepare("SELECT key, surface, payload, received_at FROM pending ORDER BY received_at").all() as Record<string, unknown>[]).map((r) =>
      PendingRow.parse({ ...r, payload: JSON.parse(String(r.payload)) }),
    );
  }

  close(): void {
    this.db.close();
  }
}

function migrate(db: Database.Database): void {
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
    CREATE TABLE IF NOT EXISTS pending (
      key TEXT PRIMARY KEY,
      surface TEXT NOT NULL,
      payload TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
  `);
  // Files written before clicks had an identity get the column; older clicks keep NULL, which a unique index allows repeatedly.
  const columns = db.pragma("table_info(feedback)") as { name: string }[];
  if (!columns.some((c) => c.name === "click_key")) db.exec("ALTER TABLE feedback ADD COLUMN click_key TEXT");
  db.exec("CREATE UNIQUE INDEX IF NOT EXISTS feedback_click ON feedback (click_key)");
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
