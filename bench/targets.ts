import type { BenchResult, Target } from "./schema.js";

type Measured = Omit<BenchResult, "targets">;

interface TargetSpec {
  id: string;
  label: string;
  limit: number;
  unit: string;
  kind: "max" | "min";
  value: (r: Measured) => number | null | undefined;
}

const at = (r: Measured, scale: number) => r.growth.find((g) => g.scale === scale);

/** The targets of issue 7. Reported against, never asserted: a slow shared machine must not fail a build. */
export const TARGETS: readonly TargetSpec[] = [
  { id: "cold_ask", label: "cold ask (new process, index on disk)", limit: 1000, unit: "ms", kind: "max", value: (r) => r.cold_ask_ms },
  { id: "warm_p95", label: "warm answer p95", limit: 10, unit: "ms", kind: "max", value: (r) => r.warm_ms?.p95 },
  { id: "ack_p99", label: "Slack ack p99, 50 concurrent events", limit: 100, unit: "ms", kind: "max", value: (r) => r.slack?.ack_p99_ms },
  { id: "x100_ingest", label: "×100 ingest, embedded embedder", limit: 60_000, unit: "ms", kind: "max", value: (r) => at(r, 100)?.ingest_ms },
  { id: "x100_query_p95", label: "×100 query (full answer) p95", limit: 30, unit: "ms", kind: "max", value: (r) => at(r, 100)?.query_p95_ms },
  { id: "x100_recall", label: "×100 hnswlib recall@10", limit: 0.98, unit: "", kind: "min", value: (r) => at(r, 100)?.recall_at_10 },
  { id: "x100_rss", label: "×100 RSS (serving)", limit: 300, unit: "MB", kind: "max", value: (r) => at(r, 100)?.rss_mb },
];

/** Each target with its measured value; `met` is null when this run did not measure it (--quick has no ×100). */
export function evaluateTargets(result: Measured): Target[] {
  return TARGETS.map(({ value, ...spec }) => {
    const v = value(result) ?? null;
    return { ...spec, value: v, met: v === null ? null : spec.kind === "max" ? v < spec.limit : v >= spec.limit };
  });
}
