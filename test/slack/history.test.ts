import { describe, expect, it } from "vitest";
import { MAX_HISTORY_TURNS, threadTurns } from "../../src/slack/history.js";

const bot = { botUserId: "UBOT", botId: "BBOT" };
const answerMeta = (citations: string) => ({ event_type: "fdr_answer", event_payload: { answer_id: "a", citations } });

describe("threadTurns", () => {
  const thread = [
    { ts: "1700000000.000100", user: "U1", text: "<@UBOT> c'est quoi l'ApCV ?" },
    { ts: "1700000000.000200", user: "UBOT", bot_id: "BBOT", text: "Action 13 &amp; 7. [1][2]", metadata: answerMeta("fdr-2023-2027#action-13 virage-numerique-2019#action-7") },
    { ts: "1700000000.000300", user: "U2", text: "merci !" },
    { ts: "1700000000.000350", bot_id: "BOTHER", subtype: "bot_message", text: "un autre bot" },
    { ts: "1700000000.000360", user: "U1", subtype: "channel_join", text: "<@U1> a rejoint" },
    { ts: "1700000000.000400", user: "U1", text: "<@UBOT> détaille la deuxième" },
    { ts: "1700000000.000500", user: "UBOT", bot_id: "BBOT", text: "plus tard" },
  ];

  it("maps the bot's messages to assistant turns with the citation IDs of their metadata", () => {
    expect(threadTurns(thread, { before: "1700000000.000400", bot, addressedOnly: true })).toEqual([
      { role: "user", text: "c'est quoi l'ApCV ?", citations: [] },
      { role: "assistant", text: "Action 13 & 7. [1][2]", citations: ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"] },
    ]);
  });

  it("keeps every person's message in a DM, only those addressed to the bot in a channel", () => {
    const turns = threadTurns(thread, { before: "1700000000.000400", bot, addressedOnly: false });
    expect(turns.map((t) => `${t.role}:${t.text}`)).toEqual(["user:c'est quoi l'ApCV ?", "assistant:Action 13 & 7. [1][2]", "user:merci !"]);
  });

  it("merges consecutive bot messages and ignores the assistant thread's root", () => {
    const turns = threadTurns(
      [
        { ts: "1700000000.000001", user: "UBOT", bot_id: "BBOT", subtype: "assistant_app_thread", text: "Nouvelle discussion" },
        { ts: "1700000000.000002", user: "U1", text: "action 14" },
        { ts: "1700000000.000003", user: "UBOT", bot_id: "BBOT", text: "Désolé…" },
        { ts: "1700000000.000004", user: "UBOT", bot_id: "BBOT", text: "Action 14. [1]", metadata: answerMeta("fdr-2023-2027#action-14") },
      ],
      { before: "1700000000.000009", bot, addressedOnly: false },
    );
    expect(turns).toEqual([
      { role: "user", text: "action 14", citations: [] },
      { role: "assistant", text: "Désolé…\nAction 14. [1]", citations: ["fdr-2023-2027#action-14"] },
    ]);
  });

  it("keeps the last turns only", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ts: `1700000000.${String(i).padStart(6, "0")}`, user: "U1", text: `question ${i}` }));
    const turns = threadTurns(many, { before: "1800000000.000000", bot, addressedOnly: false });
    expect(turns).toHaveLength(MAX_HISTORY_TURNS);
    expect(turns.at(-1)?.text).toBe("question 49");
  });
});
