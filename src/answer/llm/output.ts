import { parsePartialJson } from "@langchain/core/output_parsers";
import { z } from "zod";

/**
 * What the model must return: the answer as statements, each with the IDs of the excerpts that
 * back it, and whether the excerpts did not cover the question. Every field is required: strict
 * json_schema mode rejects optional ones (a field that may be absent takes `.nullable()`).
 */
export const GroundedOutput = z.object({
  answer: z.array(
    z.object({
      text: z.string().describe("Une affirmation, tirée des extraits"),
      citations: z.array(z.string()).describe("Les ID des extraits qui appuient l'affirmation"),
    }),
  ),
  refused: z.boolean().describe("true quand les extraits ne permettent pas de répondre"),
});
export type GroundedOutput = z.infer<typeof GroundedOutput>;

/** The `response_format` of every generation: the JSON schema of GroundedOutput, which still validates the reply. */
export const RESPONSE_FORMAT = {
  type: "json_schema",
  json_schema: { name: "reponse_citee", strict: true, schema: z.toJSONSchema(GroundedOutput) },
} as const;

/** Some servers wrap JSON in a Markdown fence even when asked for bare JSON. */
function stripFence(content: string): string {
  return content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
}

/** Parses and validates the model's reply; throws SyntaxError or ZodError when it is not usable. */
export function parseGroundedOutput(content: string): GroundedOutput {
  const text = stripFence(content);
  if (!text) throw new SyntaxError("empty reply");
  return GroundedOutput.parse(JSON.parse(text));
}

/** A trailing backslash or `\u` escape cut by a chunk boundary would be read as literal text. */
function trimIncompleteEscape(s: string): string {
  const m = /\\+(u[0-9a-fA-F]{0,3})?$/.exec(s);
  if (!m) return s;
  const slashes = m[0].length - (m[1]?.length ?? 0);
  return slashes % 2 === 1 ? s.slice(0, m.index + slashes - 1) : s;
}

/** The answer text readable so far in a reply still being streamed (statements on their own lines). */
export function partialAnswerText(content: string): string {
  const parsed: unknown = parsePartialJson(trimIncompleteEscape(stripFence(content)));
  if (!parsed || typeof parsed !== "object" || !Array.isArray((parsed as { answer?: unknown }).answer)) return "";
  return (parsed as { answer: unknown[] }).answer
    .map((s) => (s && typeof s === "object" && typeof (s as { text?: unknown }).text === "string" ? (s as { text: string }).text : ""))
    .filter(Boolean)
    .join("\n");
}
