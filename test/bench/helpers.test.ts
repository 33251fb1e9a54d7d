import { isValidSlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { bucketOf } from "../../bench/origin.js";
import { timeByOrigin, type CpuProfile } from "../../bench/cpu-profile.js";
import { markdownTable, textTable } from "../../bench/report.js";
import { mentionDelivery, slackSignature } from "../../bench/slack-load.js";
import { distribution, ratio } from "../../bench/stats.js";
import { evaluateTargets } from "../../bench/targets.js";
import type { BenchResult } from "../../bench/schema.js";

describe("slackSignature", () => {
  const secret = "8f742231b10e8888abcd99yyyzzz85a5";
  const now = 1_700_000_000;
  const { body } = mentionDelivery("c'est quoi l'ApCV ?", 1);
  const headers = (signature: string) => ({ "x-slack-signature": signature, "x-slack-request-timestamp": now });

  it("is accepted by Bolt's own verifier, which the app's HTTPReceiver uses", () => {
    expect(isValidSlackRequest({ signingSecret: secret, body, headers: headers(slackSignature(secret, now, body)), nowMilliseconds: now * 1000 })).toBe(true);
  });

  it("is refused for another body, secret or timestamp", () => {
    const nowMilliseconds = now * 1000;
    expect(isValidSlackRequest({ signingSecret: secret, body: `${body} `, headers: headers(slackSignature(secret, now, body)), nowMilliseconds })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: secret, body, headers: headers(slackSignature("other", now, body)), nowMilliseconds })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: secret, body, headers: headers(slackSignature(secret, now - 1, body)), nowMilliseconds })).toBe(false);
  });

  it("goes with deliveries unique in event id, user and ts", () => {
    const a = JSON.parse(mentionDelivery("q", 1).body);
    const b = JSON.parse(mentionDelivery("q", 2).body);
    expect([a.event_id, a.event.user, a.event.ts]).not.toContain(b.event_id);
    expect(a.event.user).not.toBe(b.event.user);
    expect(a.event.ts).not.toBe(b.event.ts);
  });
});

describe("stats", () => {
  it("uses nearest-rank percentiles", () => {
    const d = distribution(Array.from({ length: 100 }, (_, i) => i + 1));
    expect([d.p50, d.p95, d.p99, d.max, d.n]).toEqual([50, 95, 99, 100, 100]);
  });

  it("gives no ratio against zero", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
  });
});

describe("CPU profile summaries", () => {
  it("sorts frames into packages, repository folders, Node and V8", () => {
    expect(bucketOf("file:///x/node_modules/@langchain/core/dist/a.js", "f")).toBe("@langchain/core");
    expect(bucketOf("file:///x/node_modules/zod/v4/core.js", "f")).toBe("zod");
    expect(bucketOf("file:///work/main/src/index/build.ts", "f")).toBe("src/index");
    expect(bucketOf("node:internal/modules/esm/loader", "f")).toBe("node internals");
    expect(bucketOf("", "(garbage collector)")).toBe("(gc)");
  });

  it("charges each sample's time to the frame on top of the stack", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 } },
        { id: 2, callFrame: { functionName: "parse", url: "file:///r/node_modules/zod/a.js", lineNumber: 0 } },
        { id: 3, callFrame: { functionName: "ask", url: "file:///r/src/answer/p.ts", lineNumber: 3 } },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 3, 2, 2],
      timeDeltas: [1000, 2000, 3000, 4000],
    };
    expect(timeByOrigin(profile)).toEqual([
      { name: "zod", ms: 8, share: 0.8 },
      { name: "src/answer", ms: 2, share: 0.2 },
    ]);
  });
});

describe("targets", () => {
  const measured = (over: Partial<BenchResult>): Omit<BenchResult, "targets"> => ({
    machine: "m",
    date: "d",
    quick: true,
    load_avg: { start: [], end: [] },
    ingest_ms: 500,
    cold_ask_ms: 1200,
    cold_ask: null,
    warm_ms: { p50: 3, p95: 9.9, p99: 20 },
    retrieval_ms: null,
    answer_ms: null,
    slack: null,
    rss_mb: 150,
    growth: [],
    baselines: null,
    profiles: {},
    errors: [],
    ...over,
  });

  it("reports each target met, missed, or not measured", () => {
    const byId = Object.fromEntries(evaluateTargets(measured({})).map((t) => [t.id, t]));
    expect(byId.cold_ask!.met).toBe(false);
    expect(byId.warm_p95!.met).toBe(true);
    expect(byId.ack_p99!.met).toBeNull();
    expect(byId.x100_recall!.value).toBeNull();
  });

  it("reads ×100 targets from the ×100 growth row; recall must reach its floor", () => {
    const row = { scale: 100, chunks: 1, ingest_ms: 59_000, embed_ms: 1, ingest_rss_mb: 1, load_ms: 1, query_p95_ms: 31, retrieval_p95_ms: 1, slowest_kind: null, hnsw_p95_ms: 1, bm25_p95_ms: 1, brute_force_p95_ms: 1, recall_at_10: 0.98, depth: 60, recall_at_depth: 1, rss_mb: 300, memory: { index_heap_mb: 1, pipeline_heap_mb: 1, hnsw_file_mb: 1, settled_rss_mb: 1, load_peak_rss_mb: 1 } };
    const byId = Object.fromEntries(evaluateTargets(measured({ growth: [row] })).map((t) => [t.id, t]));
    expect([byId.x100_ingest!.met, byId.x100_query_p95!.met, byId.x100_recall!.met, byId.x100_rss!.met]).toEqual([true, false, true, false]);
  });
});

describe("tables", () => {
  it("aligns text columns and escapes markdown pipes", () => {
    expect(textTable(["a", "bb"], [["x", 1], ["yyy", null]])).toBe("a    bb\n---  --\nx     1\nyyy   —");
    expect(markdownTable(["a", "b"], [["x|y", 2]])).toBe("| a | b |\n|---|---:|\n| x\\|y | 2 |");
  });
});
