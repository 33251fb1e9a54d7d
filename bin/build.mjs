// Compiles src/ into dist/ (tsc -p tsconfig.build.json); `npm ci` runs it through `prepare`.
// An install without devDependencies (--omit=dev) has no TypeScript to compile with: the commands
// then run from the sources through tsx, a runtime dependency, and this says so rather than
// failing the install.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  process.stderr.write("fdr-santé: TypeScript is not installed (--omit=dev?): no dist/, commands will run from the sources\n");
  process.exit(0);
}
rmSync(join(root, "dist"), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
process.exit(result.status ?? 1);
