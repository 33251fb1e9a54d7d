import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/config/log.js";
import { startSlack } from "../../src/slack/server.js";
import { openStorage } from "../../src/storage/storage.js";
import { stubPipeline } from "./support/answers.js";
import { FakeSlack } from "./support/fake-slack.js";

const fake = new FakeSlack();
beforeAll(() => fake.start());
afterAll(() => fake.close());

describe("startSlack configuration", () => {
  it("fails at start, naming SLACK_BOT_TOKEN, when Slack rejects the token", async () => {
    fake.on("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1111-2222-revoked",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: fake.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), "fdr-config-")),
    });
    const log = createLogger("silent");
    const started = startSlack({ config, log, pipeline: Promise.resolve(stubPipeline()), storage: openStorage(config.DATA_DIR, log), host: "127.0.0.1", port: 0 });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow("SLACK_BOT_TOKEN: was rejected by Slack (invalid_auth)");
    expect(fake.callsTo("auth.test")).toHaveLength(1);
  });
});
