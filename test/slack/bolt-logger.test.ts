import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../src/slack/bolt-logger.js";
import { memoryLogger } from "./support/msw-slack.js";

describe("boltLogger", () => {
  it("turns Bolt's log calls into structured records, keeping strings and error messages only", () => {
    const { log, records } = memoryLogger("info");
    const logger = boltLogger(log, "info");
    logger.debug("http request body:", "{\"text\":\"c'est quoi l'ApCV ?\"}");
    logger.warn("Failed to parse and verify the request data:", "Signature mismatch");
    logger.error(new Error("An API error occurred: invalid_auth"));
    logger.info({ body: { event: { text: "une question" } } });
    expect(records.map(({ time: _time, ...r }) => r)).toEqual([
      { level: "warn", msg: "Failed to parse and verify the request data: Signature mismatch", source: "bolt" },
      { level: "error", msg: "An API error occurred: invalid_auth", source: "bolt", error: { name: "Error", message: "An API error occurred: invalid_auth" } },
      { level: "info", msg: "slack sdk", source: "bolt" },
    ]);
  });

  it("reports our level to Bolt, which configures its clients with it", () => {
    expect(boltLogger(memoryLogger().log, "debug").getLevel()).toBe(LogLevel.DEBUG);
    expect(boltLogger(memoryLogger().log, "warn").getLevel()).toBe(LogLevel.WARN);
    expect(boltLogger(memoryLogger().log, "silent").getLevel()).toBe(LogLevel.ERROR);
  });
});
