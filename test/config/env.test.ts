import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, secretsOf } from "../../src/config/env.js";

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("has defaults for everything when nothing is set", () => {
    expect(loadConfig({})).toEqual({
      CORPUS_DIR: "corpus",
      INDEX_DIR: ".index",
      DATA_DIR: "data",
      LOG_LEVEL: "info",
      PORT: 3000,
      SLACK_ALLOWED_TEAMS: [],
      SLACK_ALLOWED_CHANNELS: [],
      SLACK_RATE_LIMIT_PER_MINUTE: 10,
      SHUTDOWN_DRAIN_MS: 8000,
      LLM_TIMEOUT_MS: 20000,
      EMBEDDINGS_PROVIDER: "local",
    });
  });

  it("trims values, reads numbers and lists, and treats empty values as unset", () => {
    const c = loadConfig({ PORT: " 8080 ", SLACK_ALLOWED_CHANNELS: " C1, ,C2 ", INDEX_DIR: "", LOG_LEVEL: "debug", LLM_BASE_URL: "https://llm.example/v1", LLM_MODEL: "m" });
    expect(c.PORT).toBe(8080);
    expect(c.SLACK_ALLOWED_CHANNELS).toEqual(["C1", "C2"]);
    expect(c.INDEX_DIR).toBe(".index");
    expect(c.LOG_LEVEL).toBe("debug");
    expect(c.LLM_BASE_URL).toBe("https://llm.example/v1");
  });

  it("accepts Socket Mode (bot + app tokens) and HTTP mode (bot token + signing secret)", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-2" }).SLACK_APP_TOKEN).toBe("xapp-2");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "abcdef" }).SLACK_SIGNING_SECRET).toBe("abcdef");
  });

  it("names SLACK_SIGNING_SECRET when SLACK_BOT_TOKEN comes without it", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1-2" })).toEqual([
      { variable: "SLACK_SIGNING_SECRET", message: "is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)" },
    ]);
  });

  it("names SLACK_BOT_TOKEN when only the app token or the secret is set", () => {
    expect(problems({ SLACK_APP_TOKEN: "xapp-1" })).toEqual([{ variable: "SLACK_BOT_TOKEN", message: "is required to connect to Slack" }]);
    expect(problems({ SLACK_SIGNING_SECRET: "abcdef" })).toEqual([{ variable: "SLACK_BOT_TOKEN", message: "is required to connect to Slack" }]);
  });

  it("names malformed tokens", () => {
    expect(problems({ SLACK_BOT_TOKEN: "abc", SLACK_SIGNING_SECRET: "s" })).toEqual([{ variable: "SLACK_BOT_TOKEN", message: "must be a bot token starting with xoxb-" }]);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-2" })).toEqual([
      { variable: "SLACK_APP_TOKEN", message: "must be an app-level token starting with xapp-" },
    ]);
  });

  it.each(["abc", "-3", "0", "3.5"])("names PORT=%s", (port) => {
    expect(problems({ PORT: port })).toEqual([{ variable: "PORT", message: "must be a positive whole number" }]);
  });

  it("names LLM_MODEL when LLM_BASE_URL comes without it, and a URL that is not http(s)", () => {
    expect(problems({ LLM_BASE_URL: "http://localhost:8080/v1" })).toEqual([{ variable: "LLM_MODEL", message: "is required with LLM_BASE_URL" }]);
    expect(problems({ LLM_BASE_URL: "ftp://x", LLM_MODEL: "m" })).toEqual([{ variable: "LLM_BASE_URL", message: "must be an http(s) URL" }]);
  });

  it("names an unknown log level or embeddings provider", () => {
    expect(problems({ LOG_LEVEL: "verbose" }).map((p) => p.variable)).toEqual(["LOG_LEVEL"]);
    expect(problems({ EMBEDDINGS_PROVIDER: "cohere" }).map((p) => p.variable)).toEqual(["EMBEDDINGS_PROVIDER"]);
  });

  it("names both settings the openai embeddings provider needs", () => {
    expect(problems({ EMBEDDINGS_PROVIDER: "openai" })).toEqual([
      { variable: "EMBEDDINGS_BASE_URL", message: "is required with EMBEDDINGS_PROVIDER=openai" },
      { variable: "EMBEDDINGS_MODEL", message: "is required with EMBEDDINGS_PROVIDER=openai" },
    ]);
    expect(loadConfig({ EMBEDDINGS_PROVIDER: "openai", LLM_BASE_URL: "http://x", LLM_MODEL: "m", EMBEDDINGS_MODEL: "e" }).EMBEDDINGS_PROVIDER).toBe("openai");
  });

  it("names every problem at once: a malformed value does not hide a missing one", () => {
    expect(problems({ PORT: "abc", LLM_BASE_URL: "http://x" })).toEqual([
      { variable: "PORT", message: "must be a positive whole number" },
      { variable: "LLM_MODEL", message: "is required with LLM_BASE_URL" },
    ]);
  });

  it("puts one variable per line in the error message", () => {
    try {
      loadConfig({ EMBEDDINGS_PROVIDER: "openai" });
      throw new Error("expected a ConfigError");
    } catch (e) {
      expect((e as Error).name).toBe("ConfigError");
      expect((e as Error).message).toBe(
        "invalid configuration:\n  EMBEDDINGS_BASE_URL: is required with EMBEDDINGS_PROVIDER=openai\n  EMBEDDINGS_MODEL: is required with EMBEDDINGS_PROVIDER=openai",
      );
    }
  });
});

describe("secretsOf", () => {
  it("lists the secret values that are set, and only them", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "sig-secret", LLM_BASE_URL: "http://x", LLM_MODEL: "m", LLM_API_KEY: "sk-key" });
    expect(secretsOf(c)).toEqual(["xoxb-1", "sig-secret", "sk-key"]);
    expect(secretsOf(loadConfig({}))).toEqual([]);
  });
});
