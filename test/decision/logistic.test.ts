import { describe, expect, it } from "vitest";
import { fit, fitSigned, LogisticModel, predict } from "../../src/decision/logistic.js";

/** A fixed pseudo-random sequence: the same data on every run. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function data(n: number) {
  const r = sequence(7);
  const rows = Array.from({ length: n }, () => ({ signal: r(), noise: r() }));
  return { rows, labels: rows.map((x) => (x.signal + 0.1 * (r() - 0.5) > 0.5 ? 1 : 0)) };
}

describe("logistic regression", () => {
  it("finds the feature that decides, and predicts with it", () => {
    const { rows, labels } = data(400);
    const model = fit(["signal", "noise"], rows, labels, { l2: 0.1, iterations: 30 });
    expect(() => LogisticModel.parse(model)).not.toThrow();
    const [wSignal, wNoise] = model.weights;
    expect(wSignal).toBeGreaterThan(5);
    expect(Math.abs(wNoise!)).toBeLessThan(wSignal! / 10);
    expect(predict(model, { signal: 0.9, noise: 0.5 })).toBeGreaterThan(0.95);
    expect(predict(model, { signal: 0.1, noise: 0.5 })).toBeLessThan(0.05);
  });

  it("weighs rows: counting the positives ten times moves the boundary toward the negatives", () => {
    const { rows, labels } = data(400);
    const plain = fit(["signal"], rows, labels);
    const weighted = fit(["signal"], rows, labels, undefined, labels.map((y) => (y ? 10 : 1)));
    expect(predict(weighted, { signal: 0.45 })).toBeGreaterThan(predict(plain, { signal: 0.45 }));
  });

  it("names a missing feature instead of predicting from nothing", () => {
    const model = fit(["signal"], [{ signal: 0 }, { signal: 1 }], [0, 1]);
    expect(() => predict(model, {})).toThrow("feature signal missing");
  });

  it("leaves out a feature whose weight points against its meaning, and refits the rest", () => {
    const { rows, labels } = data(400);
    // "echo" copies the signal with the sign reversed: it helps the fit, but says the opposite of what it means.
    const withEcho = rows.map((x, i) => ({ ...x, echo: -x.signal + (i % 7) * 1e-3 }));
    const free = fit(["echo", "noise", "signal"], withEcho, labels, { l2: 0.1, iterations: 30 });
    expect(free.weights[0]).toBeLessThan(0);
    const signed = fitSigned(withEcho, labels, { signal: 1, echo: 1, noise: 0 }, { l2: 0.1, iterations: 30 });
    expect(signed.features).toEqual(["noise", "signal"]);
    expect(signed.weights[1]).toBeGreaterThan(5);
  });
});
