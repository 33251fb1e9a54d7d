import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { feuilleDeRoute } from "../../../../src/slack/listeners/commands/feuille-de-route.js";
import { shortHelp } from "../../../../src/slack/messages.js";
import { shownExamples } from "../../../../src/slack/render.js";
import { realPipeline } from "../../../support/pipeline.js";
import { fixedAnswer, stubPipeline } from "../../support/answers.js";
import { context, mswSlack, testDeps, webClient } from "../../support/msw-slack.js";
import { slashCommand } from "../../support/slack-payloads.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

async function command(text: string) {
  const deps = testDeps(await realPipeline());
  const order: string[] = [];
  const ack = vi.fn(async () => void order.push("ack"));
  const respond = vi.fn(async (_m: unknown) => void order.push("respond"));
  await feuilleDeRoute(deps)({ ack, respond: respond as never, command: slashCommand(text, "http://127.0.0.1:9/respond") as never, client: webClient(), context });
  expect(order).toEqual(["ack", "respond"]);
  return respond.mock.calls[0]![0] as { response_type: string; text: string; blocks?: { type: string }[] };
}

function cited(reply: { blocks?: unknown[] }): string {
  const sources = (reply.blocks ?? []).map((b) => JSON.stringify(b)).find((b) => b.includes("*Sources*")) ?? "";
  return sources;
}

describe("/feuille-de-route", () => {
  it("aide: the help text with the covered documents", async () => {
    const reply = await command("aide");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/^Je réponds à partir de ces textes : .*Feuille de route 2023-2027/);
    expect(reply.text).toContain("/feuille-de-route action 14");
  });

  it("no text: the short help", async () => {
    const text = (await command("")).text;
    expect(text).toBe(shortHelp(shownExamples((await realPipeline()).describe())));
    expect(text).toContain("« action 14 »");
  });

  it("action 14 and 2019 action 12: the exact actions, with sources and feedback", async () => {
    const a14 = await command("action 14");
    expect(a14.text).toContain("action 14");
    expect(cited(a14)).toContain("Action 14");
    expect(a14.blocks?.at(-1)?.type).toBe("context_actions");
    const a12 = await command("2019 action 12");
    expect(cited(a12)).toMatch(/Feuille de route 2019 .*Action 12/);
  });

  it("axes and free questions go to the pipeline", async () => {
    expect((await command("axes")).blocks?.at(-1)?.type).toBe("context_actions");
    expect(cited(await command("c'est quoi l'ApCV ?"))).toContain("ApCV");
  });

  it("is not streamed: a model-written answer comes in one private reply", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q, { mode: "llm" }));
    const respond = vi.fn(async (_m: unknown) => undefined);
    const cmd = slashCommand("c'est quoi l'ApCV ?", "http://127.0.0.1:9/respond");
    await feuilleDeRoute(testDeps(stubPipeline(ask)))({ ack: async () => undefined, respond: respond as never, command: cmd as never, client: webClient(), context });
    expect(ask).toHaveBeenCalledWith("c'est quoi l'ApCV ?", { history: [], signal: expect.any(AbortSignal) });
    expect(respond).toHaveBeenCalledTimes(1);
    expect(slack.calls).toEqual([]);
  });

  it("answers a replayed command (same trigger, same person) once, and a new one again", async () => {
    const deps = testDeps(stubPipeline());
    const respond = vi.fn(async (_m: unknown) => undefined);
    const run = (payload: ReturnType<typeof slashCommand>) =>
      feuilleDeRoute(deps)({ ack: vi.fn(async () => undefined), respond: respond as never, command: payload as never, client: webClient(), context });
    const first = slashCommand("action 14", "http://127.0.0.1:9/respond", { trigger_id: "1111.2222.aaaa" });
    await run(first);
    await run(first);
    expect(respond).toHaveBeenCalledTimes(1);
    expect(deps.records.find((r) => r.msg === "replayed command ignored")).toMatchObject({ level: "info" });
    await run(slashCommand("action 14", "http://127.0.0.1:9/respond", { trigger_id: "1111.2222.bbbb" }));
    await run({ ...first, user_id: "U0BOB" });
    expect(respond).toHaveBeenCalledTimes(3);
  });
});
