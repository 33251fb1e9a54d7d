import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Metrics } from "./metrics.js";

/** The CI gate, kept in evals/thresholds.json. Never lowered to pass: the system is improved instead. */
const Bounds = z.object({ min: z.record(z.string(), z.number()), max: z.record(z.string(), z.number()) }).strict();

export const Thresholds = Bounds.extend({
  /** The split of questions about documents added as an operator adds them. */
  new_documents: Bounds.optional(),
}).strict();
export type Thresholds = z.infer<typeof Thresholds>;

export function loadThresholds(file: string): Thresholds {
  return Thresholds.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** The metrics that miss their threshold, as readable lines; empty when the gate passes. */
export function gateFailures(metrics: Metrics, thresholds: z.infer<typeof Bounds>): string[] {
  const out: string[] = [];
  for (const [name, floor] of Object.entries(thresholds.min)) {
    const v = metrics[name as keyof Metrics];
    if (typeof v !== "number" || v < floor) out.push(`${name} = ${fmt(v)} < ${floor}`);
  }
  for (const [name, ceiling] of Object.entries(thresholds.max)) {
    const v = metrics[name as keyof Metrics];
    if (typeof v !== "number" || v > ceiling) out.push(`${name} = ${fmt(v)} > ${ceiling}`);
  }
  return out;
}

function fmt(v: unknown): string {
  return typeof v === "number" ? v.toFixed(3) : String(v);
}
