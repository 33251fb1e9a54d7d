/** What the bot says on its own (not answers): French, short and kind. Answers come from the pipeline. */

export { MAX_QUESTION_CHARS } from "../answer/limits.js";

export const COMMAND = "/feuille-de-route";

export const SHORT_HELP =
  "Bonjour ! Posez-moi une question sur les feuilles de route du numérique en santé, par exemple « c'est quoi l'ApCV ? » ou « action 14 ». " +
  `Chaque réponse cite l'action exacte. Pour en savoir plus : \`${COMMAND} aide\`.`;

export const TOO_LONG =
  "Votre message dépasse 4 000 caractères, c'est trop long pour que je cherche une réponse fiable. Pouvez-vous le réduire à la question elle-même ?";

export const RATE_LIMITED = "Vous m'avez posé beaucoup de questions en peu de temps : je vous réponds de nouveau d'ici une minute. Merci de votre patience !";

export const APOLOGY = "Désolé, je n'ai pas réussi à répondre cette fois-ci. Réessayez dans un instant.";

/** For a question acknowledged before a restart and found too old to answer after it. */
export const RESTART_APOLOGY =
  "Désolé, votre question est restée sans réponse : le service a redémarré entre-temps. Pouvez-vous la poser à nouveau ?";

/** Files attached to a question: only its text is read. */
export const FILES_NOT_READ = "_Je ne lis pas les fichiers joints : cette réponse porte sur le texte de votre message._";
export const FILES_ONLY = "Je ne lis pas les fichiers joints. Écrivez votre question dans le message lui-même, par exemple « c'est quoi l'ApCV ? ».";

export const NOT_AVAILABLE = "fdr-santé n'est pas activé dans cet espace ou ce canal.";

export const ABRIDGED = "_Réponse abrégée pour tenir dans un message Slack : posez une question plus précise pour la suite._";

export const FEEDBACK_THANKS = {
  positive: "Merci pour votre retour !",
  negative: "Merci, c'est noté : cette réponse sera relue pour améliorer l'assistant.",
} as const;

/** A click the store cannot keep now (disk full, file locked or read-only): said rather than lost silently. */
export const FEEDBACK_UNAVAILABLE =
  "Merci ! Votre avis n'a pas pu être enregistré : l'enregistrement des avis est indisponible pour le moment. Les réponses, elles, continuent.";

export const EXAMPLES = [
  "C'est quoi l'ApCV ?",
  "Quelle action parle de la cybersécurité des établissements ?",
  "Les axes de 2023-2027",
  "Qu'est devenu e-parcours depuis 2019 ?",
] as const;

export const SUGGESTED_PROMPTS = {
  title: "Par exemple :",
  prompts: EXAMPLES.map((message) => ({ title: message, message })),
};

export const THINKING = {
  status: "cherche dans les feuilles de route…",
  loading_messages: ["Je parcours les feuilles de route…", "Je retrouve l'action exacte…", "Je prépare les sources…"],
};

/** Ends the provisional text of an answer edited in place while the model writes it. */
export const WRITING = " …";

export const HOW_TO_ASK = [
  "*Comment me poser une question*",
  "• Mentionnez-moi dans un canal : je réponds dans le fil. Pour une question de suivi (« et en 2019 ? », « détaille la deuxième »), mentionnez-moi à nouveau dans le fil.",
  "• Écrivez-moi en message direct, ou ouvrez-moi dans le panneau des agents IA.",
  `• \`${COMMAND} aide\`, \`${COMMAND} axes\`, \`${COMMAND} action 14\`, \`${COMMAND} 2019 action 12\` ou \`${COMMAND} votre question\`.`,
  `Exemples : ${EXAMPLES.map((e) => `« ${e} »`).join(", ")}.`,
].join("\n");

export const FEEDBACK_NOTE =
  "Les boutons « Utile » / « Pas utile » sous chaque réponse nous aident à l'améliorer ; votre identifiant Slack n'est pas conservé (seulement son empreinte).";
