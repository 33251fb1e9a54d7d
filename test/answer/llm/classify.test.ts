import { describe, expect, it } from "vitest";
import { z } from "zod";
import { classifyError, describeError, fallbackNote } from "../../../src/answer/llm/faults.js";

const live = new AbortController().signal;
const status = (s: number) => Object.assign(new Error(`${s} status`), { status: s });

describe("classifyError", () => {
  it("names each fault", () => {
    expect(classifyError(new Error("Request was aborted."), AbortSignal.abort())).toBe("timeout");
    expect(classifyError(Object.assign(new Error("Request timed out."), { name: "TimeoutError" }), live)).toBe("timeout");
    expect(classifyError(status(429), live)).toBe("rate_limited");
    expect(classifyError(status(503), live)).toBe("unavailable");
    expect(classifyError(new Error("Connection error."), live)).toBe("unavailable");
    expect(classifyError(status(401), live)).toBe("rejected");
    expect(classifyError(status(422), live)).toBe("rejected");
    expect(classifyError(new SyntaxError("Unexpected token"), live)).toBe("malformed");
    expect(classifyError(z.string().safeParse(1).error, live)).toBe("malformed");
    expect(classifyError(new TypeError("terminated"), live, true)).toBe("interrupted");
  });
});

describe("fallbackNote", () => {
  it("is one line in the question's language", () => {
    expect(fallbackNote("timeout", "fr")).toBe("Réponse extractive : le modèle de langue n'a pas répondu à temps.");
    expect(fallbackNote("unavailable", "en")).toBe("Extractive answer: the language model is unavailable.");
  });
});

describe("describeError", () => {
  it("masks the key and keeps the status", () => {
    const e = Object.assign(new Error("Incorrect API key provided: my-secret-key-123"), { status: 401 });
    expect(describeError(e, ["my-secret-key-123"])).toEqual({ name: "Error", status: 401, message: "Incorrect API key provided: [redacted]" });
  });
});
