import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/slack/rate-limit.js";

describe("RateLimiter", () => {
  it("allows N questions per sliding minute and per user, and says so once per window", () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take("T:alice")).toEqual({ allowed: true });
    now = 10_000;
    expect(limiter.take("T:alice")).toEqual({ allowed: true });
    expect(limiter.take("T:bob")).toEqual({ allowed: true });
    now = 20_000;
    expect(limiter.take("T:alice")).toEqual({ allowed: false, notify: true });
    expect(limiter.take("T:alice")).toEqual({ allowed: false, notify: false });
    now = 60_000; // the first question left the window
    expect(limiter.take("T:alice")).toEqual({ allowed: true });
    expect(limiter.take("T:alice")).toEqual({ allowed: false, notify: true });
  });
});
