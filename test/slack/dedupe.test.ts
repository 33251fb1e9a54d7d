import { describe, expect, it } from "vitest";
import { Dedupe, TtlSet } from "../../src/slack/dedupe.js";

describe("TtlSet", () => {
  it("remembers a key for the TTL, then forgets it", () => {
    let now = 0;
    const set = new TtlSet(1000, 100, () => now);
    expect(set.add("a")).toBe(true);
    expect(set.add("a")).toBe(false);
    now = 999;
    expect(set.add("a")).toBe(false);
    now = 1000;
    expect(set.add("a")).toBe(true);
  });

  it("stays bounded: the oldest entries go first", () => {
    const set = new TtlSet(60_000, 3, () => 0);
    for (const k of ["a", "b", "c", "d"]) expect(set.add(k)).toBe(true);
    expect(set.add("a")).toBe(true); // evicted to make room for d
    expect(set.add("d")).toBe(false);
  });
});

describe("Dedupe", () => {
  it("lets each event_id and each (channel, ts) through once", () => {
    const dedupe = new Dedupe();
    expect(dedupe.firstDelivery("Ev1")).toBe(true);
    expect(dedupe.firstDelivery("Ev1")).toBe(false);
    expect(dedupe.firstMessage("C1", "1.1")).toBe(true);
    expect(dedupe.firstMessage("C1", "1.1")).toBe(false);
    expect(dedupe.firstMessage("C2", "1.1")).toBe(true);
    // Event IDs and messages are separate spaces.
    expect(dedupe.firstDelivery("C1/1.1")).toBe(true);
  });
});
