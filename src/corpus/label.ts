import { simplify } from "../language/french.js";

/** Longer labels crowd every citation ("[1] …" in Slack); `corpus check` suggests a shorter one. */
export const LABEL_MAX = 40;
/** A title's head ("ARS Occitanie" in "ARS Occitanie : …") or a publisher this short leads the label. */
const PREFIX_MAX = 25;
const MIN_REST = 16;
/** Articles a title may start with: a label does not. */
const ARTICLE = /^(?:la|le|les|l['’]|un|une|the|a)\s*/iu;
/** Words a shortened label must not end on. */
const DANGLING = new Set(["de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux", "pour", "sur", "dans", "par", "avec", "of", "the", "and", "for", "in", "on", "to"]);

/**
 * The label a document gets when `corpus add` is given none: the short name before the title's
 * colon, or a short publisher or region, then the start of the title, cut at a word and at most
 * LABEL_MAX characters. "ARS Occitanie : programme régional de télémédecine" → "ARS Occitanie ·
 * Programme régional".
 */
export function deriveLabel(doc: { title: string; publisher?: string | null | undefined; region?: string | null | undefined }): string {
  const title = doc.title.trim().replace(/\s+/g, " ");
  const split = /^(.{2,}?)\s+[:–—|-]\s+(.+)$/u.exec(title);
  let prefix: string | null = null;
  let rest = title;
  if (split && split[1]!.length <= PREFIX_MAX) {
    prefix = split[1]!;
    rest = split[2]!;
  } else if (split && split[1]!.length <= LABEL_MAX) {
    return shorten(split[1]!, LABEL_MAX); // "Accélérer le virage numérique : feuille de route…"
  } else {
    const by = [doc.publisher, doc.region].find((p): p is string => !!p && p.length <= PREFIX_MAX && !simplify(title).includes(simplify(p)));
    if (by) prefix = by;
  }
  if (!prefix) return shorten(title, LABEL_MAX);
  // "La feuille de route régionale e-santé en Nouvelle-Aquitaine" under "ARS Nouvelle-Aquitaine":
  // no article, and no repeat of the prefix's place.
  const place = [doc.region, doc.publisher].find((p): p is string => !!p && simplify(prefix!).includes(simplify(p)));
  let body = rest.replace(ARTICLE, "");
  if (place) body = body.replace(new RegExp(`\\s+(?:en|de|du|d['’]|in|of)\\s+${place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "iu"), "");
  return `${prefix} · ${shorten(body, Math.max(LABEL_MAX - prefix.length - 3, MIN_REST))}`;
}

function shorten(text: string, max: number): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  if (capital.length <= max) return capital;
  const cut = capital.slice(0, max + 1);
  // Rather end at a comma or colon than on the first word of what follows it.
  const clause = /^(.*\S)\s*[,:;]\s/u.exec(cut);
  if (clause && clause[1]!.length >= max / 2) return clause[1]!;
  const words = cut.split(" ");
  if (words.length === 1) return `${capital.slice(0, max - 1)}…`; // one word longer than the label
  words.pop(); // the last word was cut
  while (words.length > 1 && DANGLING.has(simplify(words.at(-1)!).replace(/['’]$/, ""))) words.pop();
  return words.join(" ").replace(/[\s,;:–—-]+$/u, "");
}
