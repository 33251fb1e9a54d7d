// Counts the modules a process loads, by package, for the cold-start diagnosis:
//   BENCH_MODULE_CENSUS=out.json node --import ./bench/module-census.mjs --import tsx src/app/commands/ask.ts "…"
// Plain JavaScript because it is registered before tsx exists in the process. The same file is
// both the --import entry (main thread) and the hooks module (loader thread): the loader thread
// reports every URL it loads through a MessagePort, drained synchronously when the process exits.
// Output: a JSON array of module URLs, written to the file BENCH_MODULE_CENSUS names.
import { writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";
import { isMainThread, MessageChannel, receiveMessageOnPort } from "node:worker_threads";

let port;

export function initialize(data) {
  port = data.port;
}

export async function load(url, context, nextLoad) {
  port?.postMessage(url);
  return nextLoad(url, context);
}

if (isMainThread && process.env.BENCH_MODULE_CENSUS) {
  const { port1, port2 } = new MessageChannel();
  port1.unref();
  register(import.meta.url, { data: { port: port2 }, transferList: [port2] });
  const urls = [];
  // For bench/cold-phases.ts: the modules loaded since the last call, to name what each phase brought in.
  globalThis.__benchCensusDrain = () => {
    const fresh = [];
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) fresh.push(m.message);
    urls.push(...fresh);
    return fresh;
  };
  process.on("exit", () => {
    globalThis.__benchCensusDrain();
    // CommonJS modules required by CommonJS never reach the ESM hooks: the require cache has them.
    const required = Object.keys(createRequire(import.meta.url).cache).map((f) => pathToFileURL(f).href);
    writeFileSync(process.env.BENCH_MODULE_CENSUS, JSON.stringify([...new Set([...urls, ...required])]));
  });
}
