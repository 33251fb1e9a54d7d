// No import here: bench/cold-phases.ts loads this before anything else it times.

/**
 * Where a frame's code comes from: a package under node_modules (so @langchain/core and zod show
 * as such), a folder of this repository, Node's own internals, or V8's pseudo-frames (garbage
 * collection, native code outside JS, idle).
 */
export function bucketOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "(gc)";
    if (functionName === "(idle)") return "(idle)";
    return "(native/program)";
  }
  if (url.startsWith("node:")) return "node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src|bench|test)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.replace(/^file:\/\//, "");
}
