/**
 * What the bot says on its own (not answers): French, short and kind. Answers come from the
 * pipeline, and so do the examples the help texts show: they are the corpus's own words.
 */
import type { HelpExamples } from "../answer/messages.js";

export { MAX_QUESTION_CHARS } from "../answer/limits.js";

export const COMMAND = "/feuille-de-route";

/** The reply to an empty mention or command: one question and one reference of the corpus. */
export function shortHelp(examples: HelpExamples): string {
  const picks = [examples.questions[0], examples.references[0]].filter((e) => e !== undefined);
  const forExample = picks.length ? `, par exemple ${quoted(picks).join(" ou ")}` : "";
  return (
    `Bonjour ! Posez-moi une question sur les feuilles de route du numérique en santé${forExample}. ` +
    `Chaque réponse cite l'action exacte. Pour en savoir plus : \`${COMMAND} aide\`.`
  );
}

export const TOO_LONG =
  "Votre message dépasse 4 000 caractères, c'est trop long pour que je cherche une réponse fiable. Pouvez-vous le réduire à la question elle-même ?";

export const RATE_LIMITED = "Vous m'avez posé beaucoup de questions en peu de temps : je vous réponds de nouveau d'ici une minute. Merci de votre patience !";

export const APOLOGY = "Désolé, je n'ai pas réussi à répondre cette fois-ci. Réessayez dans un instant.";

/** For a question acknowledged before a restart and found too old to answer after it. */
export const RESTART_APOLOGY =
  "Désolé, votre question est restée sans réponse : le service a redémarré entre-temps. Pouvez-vous la poser à nouveau ?";

/** Files attached to a question: only its text is read. */
export const FILES_NOT_READ = "_Je ne lis pas les fichiers joints : cette réponse porte sur le texte de votre message._";
export function filesOnly(examples: HelpExamples): string {
  const question = examples.questions[0];
  return `Je ne lis pas les fichiers joints. Écrivez votre question dans le message lui-même${question ? `, par exemple ${quoted([question])[0]}` : ""}.`;
}

export const NOT_AVAILABLE = "fdr-santé n'est pas activé dans cet espace ou ce canal.";

export const ABRIDGED = "_Réponse abrégée pour tenir dans un message Slack : posez une question plus précise pour la suite._";

export const FEEDBACK_THANKS = {
  positive: "Merci pour votre retour !",
  negative: "Merci, c'est noté : cette réponse sera relue pour améliorer l'assistant.",
} as const;

/** A click the store cannot keep now (disk full, file locked or read-only): said rather than lost silently. */
export const FEEDBACK_UNAVAILABLE =
  "Merci ! Votre avis n'a pas pu être enregistré : l'enregistrement des avis est indisponible pour le moment. Les réponses, elles, continuent.";

/** Slack shows at most four suggested prompts in the assistant panel. */
const MAX_PROMPTS = 4;

/** The examples to start from: the corpus's questions, then its broadest reference (the latest roadmap's groups). */
export function examplePrompts(examples: HelpExamples): string[] {
  return [...examples.questions, ...examples.references.slice(-1)].slice(0, MAX_PROMPTS).map(asTyped);
}

export function suggestedPrompts(examples: HelpExamples): { title: string; prompts: { title: string; message: string }[] } {
  return { title: "Par exemple :", prompts: examplePrompts(examples).map((message) => ({ title: message, message })) };
}

export const THINKING = {
  status: "cherche dans les feuilles de route…",
  loading_messages: ["Je parcours les feuilles de route…", "Je retrouve l'action exacte…", "Je prépare les sources…"],
};

/** Ends the provisional text of an answer edited in place while the model writes it. */
export const WRITING = " …";

/** How to ask, on every surface, with the corpus's examples: its follow-ups, its direct references, its questions. */
export function howToAsk(examples: HelpExamples): string {
  const prompts = examplePrompts(examples);
  const usage = ["aide", ...examples.references].map((argument) => `\`${COMMAND} ${argument}\``);
  return [
    "*Comment me poser une question*",
    `• Mentionnez-moi dans un canal : je réponds dans le fil. Pour une question de suivi (${quoted([...examples.followUps, "détaille la deuxième"]).join(", ")}), mentionnez-moi à nouveau dans le fil.`,
    "• Écrivez-moi en message direct, ou ouvrez-moi dans le panneau des agents IA.",
    `• ${usage.join(", ")} ou \`${COMMAND} votre question\`.`,
    ...(prompts.length ? [`Exemples : ${quoted(prompts).join(", ")}.`] : []),
  ].join("\n");
}

export const FEEDBACK_NOTE =
  "Les boutons « Utile » / « Pas utile » sous chaque réponse nous aident à l'améliorer ; votre identifiant Slack n'est pas conservé (seulement son empreinte).";

function quoted(texts: readonly string[]): string[] {
  return texts.map((t) => `« ${t} »`);
}

/** A prompt as a person would type it: capitalised, like the start of a message. */
function asTyped(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}
