import { describe, expect, it } from "vitest";
import { createLogger, redact, silentLogger, type LogLevel } from "../../src/config/log.js";

function capture(level: LogLevel, secrets: string[] = []) {
  const lines: string[] = [];
  const log = createLogger(level, { secrets, write: (l) => lines.push(l) });
  return { log, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per line, with level, time, message and fields", () => {
    const { log, lines } = capture("debug");
    log.info("index built", { chunks: 510, embedder: "local" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    const record = JSON.parse(lines[0]!);
    expect(Object.keys(record)).toEqual(["level", "time", "msg", "chunks", "embedder"]);
    expect(record).toMatchObject({ level: "info", msg: "index built", chunks: 510, embedder: "local" });
    expect(new Date(record.time).toISOString()).toBe(record.time);
  });

  it("keeps a message with line breaks on one line", () => {
    const { log, lines } = capture("debug");
    log.warn("two\nlines");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe("two\nlines");
  });

  it("serialises errors by name and message", () => {
    const { log, lines } = capture("debug");
    log.error("failed", { error: new TypeError("boom") });
    expect(JSON.parse(lines[0]!).error).toEqual({ name: "TypeError", message: "boom" });
  });

  it.each([
    ["debug", ["debug", "info", "warn", "error"]],
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
    ["silent", []],
  ] as [LogLevel, string[]][])("at level %s writes %j", (level, written) => {
    const { log, lines } = capture(level);
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(written);
  });

  it("writes to stderr by default, never stdout; the silent logger writes nothing", () => {
    const out: string[] = [];
    const err: string[] = [];
    const o = process.stdout.write;
    const e = process.stderr.write;
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (err.push(s), true)) as typeof process.stderr.write;
    try {
      createLogger("info").info("hello");
      silentLogger.error("nothing");
    } finally {
      process.stdout.write = o;
      process.stderr.write = e;
    }
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]!.endsWith("\n")).toBe(true);
    expect(JSON.parse(err[0]!).msg).toBe("hello");
  });
});

describe("redaction", () => {
  it("strips Slack tokens, API keys and bearer tokens from messages and fields", () => {
    const { log, lines } = capture("debug");
    log.info("token xoxb-1234-5678-abcDEF used", {
      app: "xapp-1-A0B1-xyz",
      key: "sk-proj_ABCdef123456",
      header: "Authorization: Bearer eyJhbGciOi.J9xyz-_abc",
      user: "xoxp-99-88",
    });
    const line = lines[0]!;
    expect(line).not.toMatch(/xoxb-|xapp-|xoxp-|sk-proj|eyJhbGciOi/);
    const record = JSON.parse(line);
    expect(record.msg).toBe("token [redacted] used");
    expect(record).toMatchObject({ app: "[redacted]", key: "[redacted]", header: "Authorization: [redacted]", user: "[redacted]" });
  });

  it("strips the configured secrets wherever they appear", () => {
    const { log, lines } = capture("debug", ["s3cr3t-signing", "my-llm-key-42"]);
    log.warn("signature with s3cr3t-signing failed", { nested: { key: "my-llm-key-42" }, list: ["x", "pre-my-llm-key-42-post"] });
    const record = JSON.parse(lines[0]!);
    expect(record.msg).toBe("signature with [redacted] failed");
    expect(record.nested).toEqual({ key: "[redacted]" });
    expect(record.list).toEqual(["x", "pre-[redacted]-post"]);
  });

  it("strips a configured secret that holds a quote or a backslash", () => {
    const secret = 'pa"ss\\word-9';
    const { log, lines } = capture("debug", [secret]);
    log.info("login", { password: secret });
    expect(lines[0]).not.toContain("ss\\\\word-9");
    expect(JSON.parse(lines[0]!).password).toBe("[redacted]");
  });

  it("leaves ordinary text and too-short secrets alone", () => {
    expect(redact("la cybersécurité des établissements, task-force, sk-8", ["abc"])).toBe("la cybersécurité des établissements, task-force, sk-8");
    expect(redact("abc abc", ["abc"])).toBe("abc abc");
    expect(redact("Authorization: Bearer abc.DEF/123=")).toBe("Authorization: [redacted]");
    expect(redact("xoxb-1 et s3cr3t-signing", ["s3cr3t-signing"])).toBe("[redacted] et [redacted]");
  });
});
