import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { directMessage as dmListener } from "../../../../src/slack/listeners/events/message-im.js";
import { FILES_NOT_READ } from "../../../../src/slack/messages.js";
import { fixedAnswer, stubPipeline } from "../../support/answers.js";
import { context, mswSlack, testDeps, webClient } from "../../support/msw-slack.js";
import { directMessage, envelope } from "../../support/slack-payloads.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

function run(deps: ReturnType<typeof testDeps>, event: Record<string, unknown>) {
  return dmListener(deps)({ event: event as never, body: envelope(event) as never, client: webClient(), context });
}

describe("message.im", () => {
  it("answers a direct message in the DM, not in a thread", async () => {
    await run(testDeps(stubPipeline()), directMessage("action 14", { channel: "D0ALICE" }));
    expect(slack.calls.map((c) => c.method)).toEqual(["chat.postMessage"]);
    expect(slack.calls[0]!.params.channel).toBe("D0ALICE");
    expect(slack.calls[0]!.params).not.toHaveProperty("thread_ts");
  });

  it("answers in the thread when the person wrote in one, with the thread as history", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    slack.on("conversations.replies", () => ({
      ok: true,
      messages: [
        { ts: "1700000010.000001", user: "U0ALICE", text: "cybersécurité 2023-2027 ?" },
        { ts: "1700000010.000002", user: "UBOT", bot_id: "BBOT", text: "…", metadata: { event_type: "fdr_answer", event_payload: { citations: "fdr-2023-2027#action-14" } } },
      ],
    }));
    await run(testDeps(stubPipeline(ask)), directMessage("et en 2019 ?", { ts: "1700000010.000003", thread_ts: "1700000010.000001" }));
    expect(ask).toHaveBeenCalledWith("et en 2019 ?", {
      history: [
        { role: "user", text: "cybersécurité 2023-2027 ?", citations: [] },
        { role: "assistant", text: "…", citations: ["fdr-2023-2027#action-14"] },
      ],
      signal: expect.any(AbortSignal),
      onDelta: expect.any(Function),
    });
    expect(slack.callsTo("chat.postMessage")[0]!.params).toMatchObject({ channel: "D0ALICE", thread_ts: "1700000010.000001" });
  });

  it("ignores channel messages (answered through app_mention), bots, edits and deletions", async () => {
    const ask = vi.fn();
    const deps = testDeps(stubPipeline(ask));
    const dm = directMessage("action 14");
    await run(deps, { ...dm, channel_type: "channel", channel: "C0GENERAL", text: "<@UBOT> action 14" });
    await run(deps, { ...dm, subtype: "bot_message", bot_id: "B0OTHER", user: undefined });
    await run(deps, { ...dm, bot_id: "BBOT", user: "UBOT" });
    await run(deps, { type: "message", subtype: "message_changed", channel_type: "im", channel: "D0ALICE", ts: "1.2", hidden: true, message: dm });
    await run(deps, { type: "message", subtype: "message_deleted", channel_type: "im", channel: "D0ALICE", ts: "1.3", hidden: true, deleted_ts: dm.ts });
    expect(ask).not.toHaveBeenCalled();
    expect(slack.calls).toEqual([]);
  });

  it("answers the text of a message that came with a file, and says files are not read", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    const deps = testDeps(stubPipeline(ask));
    const file = { id: "F0PDF", name: "note.pdf", mimetype: "application/pdf" };
    await run(deps, { ...directMessage("action 14", { channel: "D0FILE" }), subtype: "file_share", files: [file] });
    expect(ask).toHaveBeenCalledWith("action 14", expect.anything());
    const reply = slack.callsTo("chat.postMessage")[0]!.params;
    expect(reply.channel).toBe("D0FILE");
    expect(JSON.stringify(reply.blocks)).toContain(FILES_NOT_READ);
    expect(JSON.stringify(reply.blocks)).toContain("Action 14");
  });

  it("answers a file sent without text by saying files are not read, without searching", async () => {
    const ask = vi.fn();
    await run(testDeps(stubPipeline(ask)), { ...directMessage("", { channel: "D0FILE2" }), subtype: "file_share", files: [{ id: "F0PNG" }] });
    expect(ask).not.toHaveBeenCalled();
    expect(slack.callsTo("chat.postMessage")[0]!.params).toMatchObject({ channel: "D0FILE2", text: "Je ne lis pas les fichiers joints. Écrivez votre question dans le message lui-même, par exemple « c'est quoi le carnet R&amp;D ? »." });
  });
});
