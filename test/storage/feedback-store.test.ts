import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDataset } from "../../src/eval/dataset.js";
import { FeedbackStore, hashUser } from "../../src/storage/feedback-store.js";
import { fixedAnswer } from "../slack/support/answers.js";

const ROOT = resolve(import.meta.dirname, "../..");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "fdr-feedback-"));
}

describe("FeedbackStore", () => {
  it("stores clicks with the question, the answer, its citations, a hashed user and the time, across restarts", () => {
    const dir = tempDir();
    const store = FeedbackStore.open(dir);
    store.saveAnswer("a1", fixedAnswer("que prévoit l'action 14 ?"));
    const recorded = store.recordFeedback({ answerId: "a1", rating: "negative", userId: "U0ALICE", at: new Date("2025-03-01T10:00:00Z") });
    if (recorded.status !== "stored") throw new Error(`not stored: ${recorded.status}`);
    const { row } = recorded;
    store.close();

    const reopened = FeedbackStore.open(dir);
    expect(reopened.feedback()).toEqual([row]);
    expect(row).toEqual({
      id: 1,
      answer_id: "a1",
      rating: "negative",
      user_hash: hashUser("U0ALICE"),
      question: "que prévoit l'action 14 ?",
      standalone_question: null,
      answer: "Feuille de route 2023-2027 — action 14 : « Cybersécurité ». [1]",
      citations: [{ id: "fdr-2023-2027#action-14", label: "Feuille de route 2023-2027 · Axe Cadre propice · Action 14" }],
      lang: "fr",
      kind: "structural",
      created_at: "2025-03-01T10:00:00.000Z",
    });
    expect(hashUser("U0ALICE")).toMatch(/^[0-9a-f]{64}$/);
    const file = readFileSync(join(dir, "feedback.sqlite")).toString("latin1");
    expect(file).not.toContain("U0ALICE");
    reopened.close();
  });

  it("ignores a click on an unknown answer", () => {
    const store = FeedbackStore.open(tempDir());
    expect(store.recordFeedback({ answerId: "nope", rating: "positive", userId: "U1" })).toEqual({ status: "unknown" });
    expect(store.feedback()).toEqual([]);
    store.close();
  });

  it("drops unrated answers after 30 days, keeps rated ones", () => {
    const dir = tempDir();
    const store = FeedbackStore.open(dir);
    const old = new Date("2025-01-01T00:00:00Z");
    store.saveAnswer("unrated", fixedAnswer("q1"), old);
    store.saveAnswer("rated", fixedAnswer("q2"), old);
    store.recordFeedback({ answerId: "rated", rating: "positive", userId: "U1", at: old });
    store.close();
    const later = FeedbackStore.open(dir, { now: new Date("2025-02-15T00:00:00Z") });
    expect(later.answer("unrated")).toBeUndefined();
    expect(later.answer("rated")?.question).toBe("q2");
    later.close();
  });

  it("proposes one candidate line per answer someone still rates negatively, valid for the evaluation dataset", () => {
    const store = FeedbackStore.open(tempDir());
    store.saveAnswer("a1", fixedAnswer("action 14"));
    store.saveAnswer("a2", fixedAnswer("et en 2019 ?", { standalone_question: "cybersécurité en 2019", kind: "search", citations: [{ id: "virage-numerique-2019#action-9", label: "FdR 2019 · Action 9" }] }));
    store.saveAnswer("a3", fixedAnswer("c'est quoi le DMP ?", { kind: "refusal", refused: true, citations: [], statements: [{ text: "Je ne trouve rien.", cites: [] }], answer: "Je ne trouve rien." }));
    store.saveAnswer("a4", fixedAnswer("what is ApCV?", { lang: "en", kind: "search" }));
    store.recordFeedback({ answerId: "a1", rating: "negative", userId: "U1" });
    store.recordFeedback({ answerId: "a1", rating: "negative", userId: "U2" });
    store.recordFeedback({ answerId: "a2", rating: "negative", userId: "U1" });
    store.recordFeedback({ answerId: "a2", rating: "positive", userId: "U1" }); // changed their mind
    store.recordFeedback({ answerId: "a3", rating: "negative", userId: "U3" });
    store.recordFeedback({ answerId: "a4", rating: "negative", userId: "U3" });

    const lines = store.candidates();
    expect(lines.map((l) => [l.id, l.question, l.kind, l.expected])).toEqual([
      ["slack-a1", "action 14", "structural", ["fdr-2023-2027#action-14"]],
      ["slack-a3", "c'est quoi le DMP ?", "out_of_scope", []],
      ["slack-a4", "what is ApCV?", "english", ["fdr-2023-2027#action-14"]],
    ]);
    expect(lines[0]).toMatchObject({ lang: "fr", match: "any", must_mention: [] });
    expect(lines[0]!.notes).toMatch(/^À relire : proposé depuis Slack \(2 avis négatifs, \d{4}-\d\d-\d\d\)\. expected = les IDs cités par la réponse jugée mauvaise/);
    expect(lines[1]!.notes).toContain("La réponse n'a rien cité");

    const { items, problems } = parseDataset(lines.map((l) => JSON.stringify(l)).join("\n"));
    expect(problems).toEqual([]);
    expect(items).toHaveLength(3);
    store.close();
  });

  it("uses the rewritten question for a follow-up, and says so in the notes", () => {
    const store = FeedbackStore.open(tempDir());
    store.saveAnswer("a2", fixedAnswer("et en 2019 ?", { standalone_question: "cybersécurité en 2019", kind: "search" }));
    store.recordFeedback({ answerId: "a2", rating: "negative", userId: "U1" });
    const [line] = store.candidates();
    expect(line).toMatchObject({ question: "cybersécurité en 2019", kind: "paraphrase" });
    expect(line!.notes).toContain("Question posée dans un fil : « et en 2019 ? ».");
    store.close();
  });
});

describe("npm run feedback -- --export FILE", () => {
  it("writes the negative ones as candidate evaluation lines", async () => {
    const dir = tempDir();
    const store = FeedbackStore.open(dir);
    store.saveAnswer("a1", fixedAnswer("action 14"));
    store.saveAnswer("a2", fixedAnswer("action 15"));
    store.recordFeedback({ answerId: "a1", rating: "negative", userId: "U1" });
    store.recordFeedback({ answerId: "a2", rating: "positive", userId: "U1" });
    store.close();

    const out = join(dir, "candidates.jsonl");
    const env = { PATH: process.env.PATH, DATA_DIR: dir };
    const run = promisify(execFile);
    const exported = await run(process.execPath, ["--import", "tsx", "src/app/commands/feedback.ts", "--export", out], { cwd: ROOT, env });
    expect(exported.stdout).toContain("1 ligne(s) candidate(s) écrite(s)");
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(Object.keys(lines[0]!)).toEqual(["id", "question", "lang", "kind", "expected", "match", "must_mention", "notes"]);
    expect(lines[0]).toMatchObject({ id: "slack-a1", question: "action 14", expected: ["fdr-2023-2027#action-14"] });

    const summary = await run(process.execPath, ["--import", "tsx", "src/app/commands/feedback.ts"], { cwd: ROOT, env });
    expect(summary.stdout).toBe("2 retour(s) : 1 « Utile », 1 « Pas utile » ; 1 réponse(s) à relire.\n");
  });
});
