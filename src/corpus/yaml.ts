import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import { CorpusError } from "./errors.js";

/** A parsed YAML file that can say on which line any value stands. */
export interface LocatedYaml {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYaml(file: string, text: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    throw new CorpusError(file, line, `invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    // The deepest node that exists along the path: a missing key is reported at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { file, value: doc.toJS(), lineOf };
}

/** Validates a value found at `path` in a YAML file; the error names the file and the line. */
export function validateAt<S extends z.ZodType>(
  yaml: LocatedYaml,
  schema: S,
  value: unknown,
  path: readonly PropertyKey[] = [],
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported on its own line, not on the line of the mapping that holds it.
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const local = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
  const field = local.filter((p) => typeof p === "string").join(".");
  const missing = issue.code === "invalid_type" && valueAt(value, issue.path) === undefined;
  const reason = unknownKey !== undefined ? "unknown key" : missing ? "required" : issue.message;
  throw new CorpusError(yaml.file, yaml.lineOf([...path, ...local]), `${field ? `${field}: ` : ""}${reason}`);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}
