import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";

const ROOT = resolve(import.meta.dirname, "../..");
const UNIT = readFileSync(join(ROOT, "deploy/fdr-sante.service"), "utf8");

function systemdAnalyze(): string | undefined {
  try {
    execFileSync("systemd-analyze", ["--version"], { stdio: "ignore" });
    return "systemd-analyze";
  } catch {
    return undefined;
  }
}

describe("the systemd unit of the README's deployment section", () => {
  it("is the one the README shows", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const shown = /```ini\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("## Déploiement")))?.[1];
    expect(shown).toBe(UNIT);
  });

  it("restarts the bot when it dies, and lets the drain finish before SIGKILL", () => {
    const setting = (name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(UNIT)?.[1];
    expect(setting("Restart")).toBe("on-failure");
    expect(setting("KillSignal")).toBe("SIGTERM");
    expect(Number(setting("TimeoutStopSec")) * 1000).toBeGreaterThan(loadConfig({}).SHUTDOWN_DRAIN_MS);
    expect(setting("ExecStart")).toMatch(/\/bin\/run\.mjs start$/);
  });

  it.skipIf(!systemdAnalyze())("passes systemd-analyze verify", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fdr-unit-"));
    // The unit names /usr/bin/node, as Debian installs it; verify checks that it exists.
    const node = existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath;
    writeFileSync(join(dir, "fdr-sante.service"), UNIT.replace("/usr/bin/node", node));
    const { stdout, stderr } = await promisify(execFile)("systemd-analyze", ["verify", join(dir, "fdr-sante.service")]);
    expect(`${stdout}${stderr}`).toBe("");
  });
});
