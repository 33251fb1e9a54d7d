import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, waitFor } from "./support/fake-slack.js";
import { signatureHeaders } from "./support/signing.js";
import { envelope, mention } from "./support/slack-payloads.js";

const SECRET = "shutdown-signing-secret";
const fake = new FakeSlack();
let child: ChildProcess | undefined;

beforeAll(() => fake.start());
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake.close();
});

describe("SIGTERM", () => {
  it("stops taking events, lets the answer in flight finish, and exits 0", async () => {
    child = spawn(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, "support/serve-child.ts")], {
      cwd: resolve(import.meta.dirname, "../.."),
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "xoxb-1111-2222-shutdown",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), "fdr-shutdown-")),
        LOG_LEVEL: "info",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += String(d)));
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((done) => child!.once("exit", (code) => done(code)));

    await waitFor(() => /\{"port":\d+\}/.test(stdout), "the child to listen", 60_000);
    const port = (JSON.parse(/\{"port":\d+\}/.exec(stdout)![0]) as { port: number }).port;
    const send = (event: ReturnType<typeof mention>) => {
      const body = JSON.stringify(envelope(event));
      return fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: { "content-type": "application/json", ...signatureHeaders(SECRET, body) }, body });
    };

    expect((await send(mention("action 14", { channel: "C0INFLIGHT" }))).status).toBe(200);
    await waitFor(() => stdout.includes("asking"), "the answer to be under way");
    child.kill("SIGTERM");
    await waitFor(() => stderr.includes('"slack stopping"'), "the stop to begin");

    const late = await send(mention("action 14", { channel: "C0LATE" })).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);

    child.stdin!.write("release\n");
    expect(await exited).toBe(0);
    expect(fake.callsTo("chat.postMessage").map((c) => c.params.channel)).toEqual(["C0INFLIGHT"]);
    expect(stderr).toContain('"slack stopped","drained":true');
  });
});
