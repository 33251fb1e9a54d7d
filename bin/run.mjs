// Runs a command of the composition root (src/app/commands): from its compiled JavaScript in dist/ when that is at least as new as
// every file of src/ (`npm ci` compiles it through the `prepare` script), else from the TypeScript
// sources through tsx. Compiled, a cold `npm run ask` skips transpiling some 500 modules in a loader
// thread; the fallback means an edited source is never run stale and a missing build never fails.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command] = process.argv.splice(2, 1);
if (!command || !/^[a-z][a-z-]*$/.test(command)) {
  process.stderr.write("usage: node bin/run.mjs <command> [arguments]\n");
  process.exit(2);
}

/** The latest change under a folder: files and folders both, so a deleted file counts too. */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const source = join(root, "src", "app", "commands", `${command}.ts`);
if (!existsSync(source)) {
  process.stderr.write(`unknown command: ${command}\n`);
  process.exit(2);
}
// tsc rewrites every output on each build, so the entry's own date says when dist/ was built.
const compiled = join(root, "dist", "app", "commands", `${command}.js`);
if (existsSync(compiled) && statSync(compiled).mtimeMs >= newest(join(root, "src"))) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
}
