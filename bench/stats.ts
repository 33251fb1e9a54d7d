import { percentile } from "../src/eval/metrics.js";

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Two decimals: finer than any timer here can be trusted, coarse enough to read. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Nearest-rank percentiles, the same definition as the evaluation's latency figures. */
export function distribution(values: readonly number[]): Distribution {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : 0),
  };
}

export function median(values: readonly number[]): number {
  return round(percentile(values, 50));
}

/** a / b, or null when b is zero: a ratio against nothing is no figure. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? round(a / b) : null;
}

export function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}

/** Peak resident set size of this process so far; `maxRSS` is in kilobytes. */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
