import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appHomeOpened } from "../../../../src/slack/listeners/events/app-home-opened.js";
import { homeView } from "../../../../src/slack/render.js";
import { DESCRIPTION, stubPipeline } from "../../support/answers.js";
import { mswSlack, testDeps, webClient } from "../../support/msw-slack.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

describe("app_home_opened", () => {
  it("publishes the Home tab: covered documents and how to ask", async () => {
    const event = { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home", event_ts: "1.1" } as const;
    await appHomeOpened(testDeps(stubPipeline()))({ event: event as never, client: webClient() });
    expect(slack.calls).toEqual([{ method: "views.publish", params: { user_id: "U0ALICE", view: homeView(DESCRIPTION) }, authorization: "Bearer xoxb-test-token", response: { ok: true } }]);
  });

  it("does nothing when the Messages tab opens", async () => {
    const event = { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "messages", event_ts: "1.1" } as const;
    await appHomeOpened(testDeps(stubPipeline()))({ event: event as never, client: webClient() });
    expect(slack.calls).toEqual([]);
  });
});
