import { describe, expect, it } from "vitest";
import { InFlight } from "../../src/slack/inflight.js";
import { deferred } from "./support/answers.js";

describe("InFlight", () => {
  it("drains once every tracked job has settled, including jobs started meanwhile", async () => {
    const inflight = new InFlight();
    const first = deferred();
    const second = deferred();
    void inflight.track(first.promise);
    const drained = inflight.drain(60_000);
    void inflight.track(second.promise.catch(() => undefined));
    expect(inflight.size).toBe(2);
    first.resolve();
    second.reject(new Error("failed answers count as finished"));
    await expect(drained).resolves.toBe(true);
    expect(inflight.size).toBe(0);
  });

  it("gives up after the timeout when a job never ends", async () => {
    const inflight = new InFlight();
    void inflight.track(new Promise(() => undefined));
    await expect(inflight.drain(1)).resolves.toBe(false);
  });
});
