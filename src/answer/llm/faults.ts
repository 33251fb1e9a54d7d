import { z } from "zod";
import { redact } from "../../config/log.js";
import type { Lang } from "../../understanding/schema.js";

/** Why an answer fell back from the model to the extractive answer. */
export type FallbackCause =
  | "timeout"
  | "rate_limited"
  | "unavailable"
  | "rejected"
  | "interrupted"
  | "malformed"
  | "ungrounded"
  | "unsupported"
  | "declined"
  | "cancelled";

/**
 * Reads a failed model call. `deadline` is our own signal: once it fired, whatever the client
 * reports (AbortError, "terminated"…) the cause is the deadline. `midStream` marks errors after
 * the first streamed token: the stream broke rather than the server refusing.
 */
export function classifyError(error: unknown, deadline: AbortSignal, midStream = false): FallbackCause {
  if (deadline.aborted) return "timeout";
  if (error instanceof SyntaxError || error instanceof z.ZodError) return "malformed";
  const e = (error ?? {}) as { name?: unknown; status?: unknown; lc_error_code?: unknown };
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timeout";
  if (e.status === 429 || e.lc_error_code === "MODEL_RATE_LIMIT") return "rate_limited";
  if (midStream) return "interrupted";
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) return "rejected";
  return "unavailable";
}

const NOTES: Record<FallbackCause, Record<Lang, string>> = {
  timeout: { fr: "le modèle de langue n'a pas répondu à temps", en: "the language model did not answer in time" },
  rate_limited: { fr: "le modèle de langue est saturé (trop de requêtes)", en: "the language model is rate-limited" },
  unavailable: { fr: "le modèle de langue est indisponible", en: "the language model is unavailable" },
  rejected: { fr: "le service du modèle de langue a refusé la requête", en: "the language model service rejected the request" },
  interrupted: { fr: "la réponse du modèle de langue a été interrompue", en: "the language model's answer was cut off" },
  malformed: { fr: "la réponse du modèle de langue était illisible", en: "the language model's answer was unreadable" },
  ungrounded: { fr: "la réponse du modèle de langue ne citait aucun extrait valide", en: "the language model's answer cited no valid source" },
  unsupported: {
    fr: "les affirmations du modèle de langue ne correspondaient pas aux extraits qu'elles citaient",
    en: "the language model's statements did not match the excerpts they cited",
  },
  declined: { fr: "le modèle de langue n'a pas trouvé la réponse dans les extraits", en: "the language model found no answer in the excerpts" },
  cancelled: { fr: "le service redémarrait, le modèle de langue a été interrompu", en: "the service was restarting and the language model was stopped" },
};

/** The one-line note shown with a fallback answer (`fallback_reason`). */
export function fallbackNote(cause: FallbackCause, lang: Lang): string {
  return lang === "en" ? `Extractive answer: ${NOTES[cause].en}.` : `Réponse extractive : ${NOTES[cause].fr}.`;
}

/** An error as it may be logged: name, HTTP status, and a short message with the key masked. */
export function describeError(error: unknown, secrets: readonly string[]): { name: string; status?: number; message: string } {
  const e = (error ?? {}) as { name?: unknown; status?: unknown; message?: unknown };
  return {
    name: typeof e.name === "string" ? e.name : typeof error,
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    message: redact(String(e.message ?? error), secrets).slice(0, 300),
  };
}
