import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import { terminalChat } from "../../src/cli/chat.js";
import { DESCRIPTION, fixedAnswer } from "../slack/support/answers.js";

describe("the terminal chat", () => {
  it("answers with the conversation as history, and declines a question over 4,000 characters without searching", async () => {
    const histories: unknown[] = [];
    // The chat keeps one history array and appends to it: each call's is copied as it was.
    const ask = vi.fn(async (q: string, o?: { history?: readonly unknown[] }) => (histories.push([...(o?.history ?? [])]), fixedAnswer(q)));
    const pipeline = { ask, describe: () => DESCRIPTION } as unknown as AnswerPipeline;
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (d) => (shown += String(d)));
    input.end(`action 14\n${"a".repeat(4001)}\net en 2019 ?\nquitter\n`);
    await terminalChat(pipeline, { input, output });
    expect(ask.mock.calls.map((c) => c[0])).toEqual(["action 14", "et en 2019 ?"]);
    expect(histories[1]).toEqual([
      { role: "user", text: "action 14", citations: [] },
      { role: "assistant", text: fixedAnswer("action 14").answer, citations: ["fdr-2023-2027#action-14"] },
    ]);
    expect(shown).toContain("Votre question dépasse 4000 caractères : pouvez-vous la réduire à l'essentiel ?");
  });
});
