import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appHomeOpened } from "../../../../src/slack/listeners/events/app-home-opened.js";
import { FEEDBACK_NOTE } from "../../../../src/slack/messages.js";
import { HOW_TO_ASK, stubPipeline } from "../../support/answers.js";
import { mswSlack, testDeps, webClient } from "../../support/msw-slack.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

describe("app_home_opened", () => {
  it("publishes the Home tab: covered documents and how to ask", async () => {
    const event = { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home", event_ts: "1.1" } as const;
    await appHomeOpened(testDeps(stubPipeline()))({ event: event as never, client: webClient() });
    // Built here by hand from the stub index (two documents, 42 passages): what a person sees.
    const view = {
      type: "home",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "fdr-santé" } },
        { type: "section", text: { type: "mrkdwn", text: "Je réponds aux questions sur les feuilles de route du numérique en santé, en citant l'action exacte de chaque affirmation." } },
        { type: "section", text: { type: "mrkdwn", text: "*Textes couverts*\n• Feuille de route 2023-2027\n• Feuille de route 2019" } },
        { type: "section", text: { type: "mrkdwn", text: HOW_TO_ASK } },
        {
          type: "context",
          elements: [
            { type: "mrkdwn", text: FEEDBACK_NOTE },
            { type: "mrkdwn", text: "Index : 42 passages, corpus `0123456789ab`, construit le 2025-01-02." },
          ],
        },
      ],
    };
    expect(slack.calls).toEqual([{ method: "views.publish", params: { user_id: "U0ALICE", view }, authorization: "Bearer xoxb-test-token", response: { ok: true } }]);
  });

  it("does nothing when the Messages tab opens", async () => {
    const event = { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "messages", event_ts: "1.1" } as const;
    await appHomeOpened(testDeps(stubPipeline()))({ event: event as never, client: webClient() });
    expect(slack.calls).toEqual([]);
  });
});
