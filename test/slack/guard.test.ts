import { describe, expect, it, vi } from "vitest";
import { guard, isAllowed, originOf } from "../../src/slack/guard.js";
import { NOT_AVAILABLE } from "../../src/slack/messages.js";
import { stubPipeline } from "./support/answers.js";
import { testDeps } from "./support/msw-slack.js";
import { directMessage, envelope, feedbackClick, mention, slashCommand } from "./support/slack-payloads.js";

describe("originOf", () => {
  it("reads team, channel and event_id from events, commands and actions", () => {
    expect(originOf(envelope(mention("x", { channel: "C1" }), "Ev1"))).toEqual({ eventId: "Ev1", team: "T0FDR", channel: "C1", command: false });
    expect(originOf(envelope({ type: "assistant_thread_started", assistant_thread: { channel_id: "D1", thread_ts: "1.1" } }, "Ev2"))).toMatchObject({ channel: "D1" });
    expect(originOf(slashCommand("aide", "http://127.0.0.1:9/r", { channel_id: "C2" }))).toEqual({ eventId: undefined, team: "T0FDR", channel: "C2", command: true });
    expect(originOf(feedbackClick("positive:a", { channel: "C3" }))).toEqual({ eventId: undefined, team: "T0FDR", channel: "C3", command: false });
    expect(originOf("not a body")).toEqual({ eventId: undefined, team: undefined, channel: undefined, command: false });
  });
});

describe("isAllowed", () => {
  const open = { SLACK_ALLOWED_TEAMS: [], SLACK_ALLOWED_CHANNELS: [] };
  const closed = { SLACK_ALLOWED_TEAMS: ["T1"], SLACK_ALLOWED_CHANNELS: ["C1"] };

  it("allows everything without allowlists", () => {
    expect(isAllowed(open, { team: "T9", channel: "C9", command: false })).toBe(true);
  });

  it("checks teams and channels, and allows DMs of an allowed team", () => {
    expect(isAllowed(closed, { team: "T1", channel: "C1", command: false })).toBe(true);
    expect(isAllowed(closed, { team: "T1", channel: "C2", command: false })).toBe(false);
    expect(isAllowed(closed, { team: "T1", channel: "D7", command: false })).toBe(true);
    expect(isAllowed(closed, { team: "T2", channel: "D7", command: false })).toBe(false);
    expect(isAllowed(closed, { team: undefined, channel: "C1", command: false })).toBe(false);
    expect(isAllowed(closed, { team: "T1", channel: undefined, command: false })).toBe(true);
  });
});

describe("guard middleware", () => {
  async function through(deps: ReturnType<typeof testDeps>, body: unknown, extra: Record<string, unknown> = {}) {
    const next = vi.fn(async () => undefined);
    await guard(deps)({ body, next, context: { retryNum: 1, retryReason: "http_timeout" }, ...extra } as never);
    return next.mock.calls.length;
  }

  it("lets an event_id through once: a retried delivery stops here", async () => {
    const deps = testDeps(stubPipeline());
    const body = envelope(mention("action 14"), "Ev0RETRY");
    expect(await through(deps, body)).toBe(1);
    expect(await through(deps, body)).toBe(0);
    expect(deps.records.find((r) => r.msg === "duplicate delivery ignored")).toMatchObject({ event_id: "Ev0RETRY", retry_num: 1, retry_reason: "http_timeout" });
  });

  it("stops what is outside the allowlists, still acknowledging commands and actions", async () => {
    const deps = testDeps(stubPipeline(), { SLACK_ALLOWED_TEAMS: "T0FDR", SLACK_ALLOWED_CHANNELS: "C0ALLOWED" });
    expect(await through(deps, envelope(mention("x", { channel: "C0OTHER" })))).toBe(0);
    expect(await through(deps, envelope(mention("x", { channel: "C0ALLOWED" })))).toBe(1);
    expect(await through(deps, envelope(directMessage("x", { channel: "D0ALICE" })))).toBe(1);
    const ack = vi.fn(async () => undefined);
    expect(await through(deps, slashCommand("aide", "http://127.0.0.1:9/r", { team_id: "T0ELSEWHERE" }), { ack })).toBe(0);
    expect(ack).toHaveBeenCalledWith(NOT_AVAILABLE);
    const actionAck = vi.fn(async () => undefined);
    expect(await through(deps, feedbackClick("positive:a", { channel: "C0OTHER" }), { ack: actionAck })).toBe(0);
    expect(actionAck).toHaveBeenCalledWith(undefined);
  });
});
