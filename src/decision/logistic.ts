import { z } from "zod";

/**
 * A logistic regression over named, standardised features: small enough to read (each weight
 * says how much a feature pushes the decision), and fitted by `npm run calibrate`.
 */
export const LogisticModel = z.object({
  features: z.array(z.string()).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});
export type LogisticModel = z.infer<typeof LogisticModel>;

export type Features = Readonly<Record<string, number>>;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, x: Features): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    const v = x[name];
    if (v === undefined) throw new Error(`feature ${name} missing`);
    z += model.weights[i]! * ((v - model.mean[i]!) / model.scale[i]!);
  });
  return sigmoid(z);
}

export interface FitOptions {
  /** L2 penalty on the standardised weights (not the bias). */
  l2: number;
  iterations: number;
}

/** The direction a feature may push the decision: +1 toward yes, -1 toward no, 0 either. */
export type Signs = Readonly<Record<string, -1 | 0 | 1>>;

/**
 * A fit whose weights keep the signs the features' meaning gives them: a feature whose fitted
 * weight points the wrong way (more coverage making an answer less likely, say) is only standing
 * in for a correlated one, and would extrapolate badly to questions unlike the fitting set. It
 * is left out and the rest refitted, until every weight agrees with its sign.
 */
export function fitSigned(rows: readonly Features[], labels: readonly number[], signs: Signs, options?: FitOptions, weights?: readonly number[]): LogisticModel {
  let names = Object.keys(signs).filter((f) => rows.length && rows[0]![f] !== undefined).sort();
  for (;;) {
    const model = fit(names, rows, labels, options, weights);
    const wrong = model.features.map((f, i) => ({ f, v: model.weights[i]! * (signs[f] ?? 0) })).filter((x) => x.v < 0).sort((a, b) => a.v - b.v);
    if (!wrong.length) return model;
    names = names.filter((f) => f !== wrong[0]!.f);
  }
}

/**
 * Fits by Newton's method (iteratively reweighted least squares) with an L2 penalty: a dozen
 * features and a few thousand rows converge in a few iterations, deterministically.
 */
export function fit(
  names: readonly string[],
  rows: readonly Features[],
  labels: readonly number[],
  options: FitOptions = { l2: 1, iterations: 25 },
  /** How much each row counts (1 each by default). */
  weights?: readonly number[],
): LogisticModel {
  const d = names.length;
  const n = rows.length;
  const mean = names.map((f) => rows.reduce((s, r) => s + r[f]!, 0) / Math.max(1, n));
  const scale = names.map((f, j) => {
    const v = rows.reduce((s, r) => s + (r[f]! - mean[j]!) ** 2, 0) / Math.max(1, n);
    return Math.sqrt(v) || 1;
  });
  const X = rows.map((r) => [1, ...names.map((f, j) => (r[f]! - mean[j]!) / scale[j]!)]);
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < options.iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = X[i]!;
      const p = sigmoid(xi.reduce((s, v, j) => s + v * w[j]!, 0));
      const weight = weights?.[i] ?? 1;
      const r = weight * (p - labels[i]!);
      const s = weight * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += r * xi[j]!;
        for (let k = 0; k <= j; k++) H[j]![k]! += s * xi[j]! * xi[k]!;
      }
    }
    for (let j = 1; j <= d; j++) {
      grad[j]! += options.l2 * w[j]!;
      H[j]![j]! += options.l2;
    }
    for (let j = 0; j <= d; j++) for (let k = j + 1; k <= d; k++) H[j]![k] = H[k]![j]!;
    const step = solve(H, grad);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features: [...names], mean, scale, weights: w.slice(1), bias: w[0]! };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    const p = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / p;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}
