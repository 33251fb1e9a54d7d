/**
 * Slack sends user text with its own markup (`<@U…>`, `<#C…|name>`, `<https://…|label>`, `<!here>`)
 * and with `&`, `<`, `>` escaped. Retrieval needs the words a reader sees, so each token becomes
 * its visible label, or nothing when it carries no meaning for the question (mentions, broadcasts).
 */
export function cleanSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => visible(inner))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function visible(inner: string): string {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith("@")) return " ";
  if (target.startsWith("#")) return label ? ` #${label} ` : " ";
  // `<!date^…|fallback>` shows its fallback; `<!here>`, `<!channel>`, `<!subteam^…>` are broadcasts.
  if (target.startsWith("!")) return target.startsWith("!date^") && label ? label : " ";
  return label ?? target;
}

/** "aide", "help" or "?" alone ask how to use the bot rather than search the roadmaps. */
export function isHelpRequest(question: string): boolean {
  return /^(aide|help|\?)\s*[?!.]*$/i.test(question.trim());
}
