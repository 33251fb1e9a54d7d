/**
 * The words of the language people ask in — French and English question words, framing words,
 * the vocabulary of plans in general, safety patterns — and nothing about this corpus: the
 * names of documents, groups, acronyms and institutions come from the corpus files.
 * Everything is written in simplified form (lowercase, no accents, straight apostrophe), the
 * form `simplify` gives a question, and compiled to whole-word patterns by `anyOf`.
 */

/** A whole-word pattern over simplified text that matches any of the phrases. */
export function anyOf(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, "\\s+"));
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z0-9])`);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------- language of the question

/** Function words that tell English from French. */
export const ENGLISH_MARKERS: readonly string[] = [
  "the", "what", "which", "how", "is", "are", "does", "do", "of", "about", "roadmap", "with", "for", "and", "who", "why",
  "when", "where", "there", "planned", "plan", "say", "says", "tell", "me", "any", "in", "measures", "health", "digital",
  "can", "it", "to", "anything", "stuff", "whats", "s", "deal", "i", "my", "we", "our", "you", "your", "should", "would",
  "could", "will", "have", "has", "did", "was", "were", "this", "that", "been", "not", "english",
];
export const FRENCH_MARKERS: readonly string[] = [
  "le", "la", "les", "des", "du", "de", "est", "quoi", "quel", "quelle", "quelles", "quels", "comment", "pour", "dans",
  "sur", "et", "en", "une", "un", "qui", "que", "au", "aux", "feuille", "route", "sante", "numerique", "c", "l", "d",
  "qu", "pourquoi", "combien", "ou", "parle", "prevoit", "ya", "koi", "c'est", "francais", "ca",
];

/** A follow-up asking for the previous answer in the other language ("in English?", "en français ?"). */
export const ASK_IN_ENGLISH = anyOf(["in english", "en anglais", "english please", "translate", "traduis", "traduire"]);
export const ASK_IN_FRENCH = anyOf(["en francais", "in french", "french please"]);

// ---------------------------------------------------------------- what kind of answer is asked

/** "combien", "quel budget": a number is the answer. */
export const ASKS_FIGURE = anyOf([
  "combien", "nombre de", "nombre d'", "le nombre", "quel montant", "quel budget", "quel cout", "quel prix", "quel tarif",
  "quel taux", "quel pourcentage", "quelle somme", "quelle enveloppe", "quel chiffre", "quels chiffres", "quels montants",
  "how much", "how many", "what budget", "what amount", "what percentage", "how big", "cb", "cmb", "nb", "nbre",
  "delai d'attente", "delais d'attente", "delai moyen", "delais moyens", "temps d'attente", "waiting time", "waiting times",
  "how long to wait", "how long do",
]);
/**
 * Measuring something as the plan's own work, or guidance about a number: "est-il prévu
 * d'identifier combien d'informaticiens manquent ?", "y aura-t-il des repères sur le nombre de
 * personnes à consacrer à la sécurité ?" ask whether the plan does it, not the number.
 */
export const MEASURES_HOW_MANY = /\b(?:identifier|mesurer|estimer|evaluer|recenser|determiner|quantifier|calculer|compter|chiffrer|objectiver|identify|measure|estimate|assess|count|quantify|track)\s+(?:combien|how many|how much|le nombre|the number)\b|\b(?:sur|about|on|concernant|regarding)\s+(?:le nombre|the number|les effectifs)\b/;
/** "c'est l'action combien ?", "quel numéro ?": the number that names an action, not a figure of the texts. */
export const ASKS_WHICH_NUMBER = new RegExp(
  // An article, one noun, then "combien" ("l'action combien", "la mesure n° cb"): the noun is
  // numbered. Short forms ("cb") only after a numbered unit: "le budget cb ?" asks an amount.
  String.raw`(?:^|[\s,:;])(?:l'|le |la )[a-z-]+ (?:n\s*°\s*|no\.?\s+|num\.?\s+|numero\s+)?combien\b|` +
    String.raw`(?:^|[\s,:;])(?:l'|le |la )(?:action|mesure|priorite|objectif|fiche) (?:n\s*°\s*|no\.?\s+|num\.?\s+|numero\s+)?(?:cb|cmb)\b|` +
    anyOf(["numero combien", "combientieme", "combienieme", "quel numero", "which number", "what number is the action", "action number"]).source,
);
/**
 * A question answered by yes or no: "prévoit-elle des grilles de salaire ?", "est-ce que le
 * financement va se poursuivre ?", "les salaires sont trop bas, il y a un plan ?". A figure noun
 * in it is its topic, not a figure asked.
 */
export const YES_NO = /(?:^|[\s,:;])(?:est-ce qu|est ce qu|estce qu)|(?<=\p{L})-t-(?:il|elle|on)\b|(?<=\p{L})-(?:il|elle|ils|elles)\b|^(?:does|do|is|are|will|can|should|has|have|did|would|could)\b|(?:^|[\s,:;])(?:il y a|y a|ya|is there|are there|any)\s+(?:un|une|des|du|de la|quelque chose|a|an|some|plans?)\b/u;
/** A size word before a counted noun counts the same parts: "combien de grands axes", "how many main strands", "4 grands axes". */
const SIZE_BEFORE = String.raw`(?:(?:grands|grandes|gros|grosses|principaux|principales|main|major|big|broad)\s+)?`;
/** What "combien de X" counts: the noun after the counting words. */
export const COUNT_OF_FR = new RegExp(String.raw`\b(?:combien|cb|cmb|nb|nbre|nombre)\s+(?:de\s+|d'|des\s+)${SIZE_BEFORE}([a-z'-]+)`);
/** The counted noun and the rest of its sentence: "combien d'actions | compte la feuille de route ?". */
export const COUNTED_THEN = new RegExp(String.raw`\b(?:combien|cb|cmb|nb|nbre|nombre|how many)\s+(?:de\s+|d'|des\s+)?${SIZE_BEFORE}([a-z'-]+)([^.?!]*)`);
/** After the counted noun, a word that brings a topic: "combien d'actions sur la cybersécurité", "… parlent de". */
export const TOPIC_AFTER_COUNT = anyOf([
  "sur", "concernant", "autour", "pour", "relatives", "relatifs", "liees", "lies", "consacrees", "dediees", "traitant", "parlent",
  "portent", "about", "on", "for", "regarding", "related", "concerning", "dealing",
]);
export const COUNT_OF_EN = /\bhow many\s+((?:[a-z'-]+\s+){0,3}?[a-z'-]+)\s+(?:do|does|did|are|is|were|was|will|would|have|has|had|can|could|should|in|on|for|per|to|the)\b/;
/** "combien de temps", "sur quelle durée": the figure is a duration. */
export const DURATION_ASKED = anyOf([
  "combien de temps", "cb de temps", "cmb de temps", "quelle duree", "sur quelle duree", "how long", "for how long", "depuis combien de temps",
]);
/** A share asked: the figure must be a percentage. */
export const ASKS_PERCENT = anyOf(["pourcentage", "quel taux", "percentage", "what percent"]);
/** A share of a whole: a percentage, or the amount that goes to it ("1,4 milliard pour le partage des données"). */
export const ASKS_SHARE = anyOf(["quelle part", "quelle proportion", "what share", "what proportion", "how much of"]);
/** Words that make a figure a percentage. */
export const PERCENT_AFTER = /^\s*(?:%|pour\s?cent\b|percent\b)/i;
/** Words that make a figure a duration. */
export const DURATION_WORDS = anyOf(["an", "ans", "annee", "annees", "mois", "semaine", "semaines", "jour", "jours", "year", "years", "month", "months", "week", "weeks", "days"]);
/** The words anyone uses for a plan's main parts, whatever a roadmap calls them. */
export const GROUP_SYNONYM_WORDS: readonly string[] = [
  "pilier", "piliers", "pillar", "pillars", "bloc", "blocs", "grand bloc", "grands blocs", "volet", "volets", "grand theme",
  "grands themes", "chapitre", "chapitres", "grandes parties", "grande partie", "domaine", "domaines", "section", "sections",
  "strand", "strands", "theme", "themes",
  // "La partie consacrée à la prévention", "the prevention part": not "fait partie", "une partie des données".
  "la partie", "les parties", "cette partie", "quelle partie", "the part", "which part", "what part",
];
export const GROUP_SYNONYMS = anyOf(GROUP_SYNONYM_WORDS);
/** Asking what a short form stands for: "ça veut dire quoi", "que signifie", "what does it stand for". */
export const ASKS_MEANING = anyOf([
  "veut dire", "veulent dire", "voulait dire", "signifie", "signifient", "signification", "acronyme", "sigle", "abreviation",
  "definition", "c'est l'acronyme", "stand for", "stands for", "stood for", "acronym", "abbreviation", "what does it mean",
  "meaning of", "what is the meaning", "kesako", "c'est quoi ce sigle", "c'est quoi cet acronyme",
]);
/** Words that make a figure an amount of money. */
export const MONEY_WORDS = anyOf(["euro", "euros", "eur", "€", "m€", "k€", "md€", "millions d'euros", "milliards d'euros"]);
/** Questions about an amount of money: the figure must be one. */
export const ASKS_MONEY = anyOf([
  "budget", "budgets", "montant", "montants", "cout", "couts", "coute", "coutent", "prix", "tarif", "enveloppe", "financement",
  "argent", "fric", "thune", "how much money", "funding", "cost", "costs", "price", "amount",
]);

/** "Combien l'ARS met sur la télésanté ?", "how much does the State spend": a verb of spending asks an amount. */
export const SPENDS = /\b(?:combien|cb|cmb)\b(?:\s+[^\s?]+){0,5}?\s+(?:met|mettent|mis|investi\w*|depens\w*|financ\w*|allou\w*|consacr\w*|touch\w*|recoi\w*|recu)\b|\bhow much\b(?:\s+[^\s?]+){0,5}?\s+(?:spen\w*|invest\w*|fund\w*|allocat\w*|put|puts|get|gets|receiv\w*)\b/;

/** Nouns of a figure: "le budget du Ségur ?" asks one even without a question word. */
export const FIGURE_NOUNS_LIST: readonly string[] = [
  "montant", "montants", "budget", "budgets", "cout", "couts", "coute", "prix", "tarif", "tarifs", "taux", "pourcentage",
  "somme", "enveloppe", "chiffre", "chiffres", "statistique", "statistiques", "milliards", "millions", "euros", "salaire",
  "salaires", "remuneration", "financement", "funding", "cost", "costs", "price", "amount",
  // "figure" alone is the French verb ("ça figure dans la feuille de route ?"): the English noun by its phrases.
  "the figure", "the figures", "what figure", "what figures", "key figures", "any figures", "figures on", "figures for",
  "percentage", "money", "argent", "fric", "thune",
  // A fine is an amount ("il risque quelle amende ?").
  "amende", "amendes",
];
export const FIGURE_NOUNS = anyOf(FIGURE_NOUNS_LIST);
/** Nouns that name money as a topic ("de l'argent pour les hôpitaux ?", "du financement de logiciels"), not an amount asked. */
const MONEY_AS_TOPIC = new Set(["argent", "fric", "thune", "money", "financement", "funding"]);
/**
 * Without a question word, an amount noun asks its figure when it heads the question or a clause
 * ("Budget annuel du HDH ?", "… : montant max par garde ?") or stands after a definite article
 * ("c koi le taux de remboursement ?", "j'ai besoin du montant attribué"): not a yes-no question
 * about a topic ("les mails chiffrés, c'était dans le plan ?", "une grille de salaire, c'est prévu ?").
 */
export const AMOUNT_ASKED = new RegExp(
  `(?:^|[:;,.]\\s*|(?<![a-z0-9])(?:le|la|les|l'|du|des|de la|the)\\s*)(?:${FIGURE_NOUNS_LIST.filter((w) => !MONEY_AS_TOPIC.has(w) && !w.includes(" ")).join("|")})(?![a-z0-9])`,
);
/**
 * "Quand" asks a date where a question word stands: first, after a pause or "et", after "c'est"
 * or a verb of happening ("c'est quand le prochain comité ?", "ça arrive quand ?"), or last. Before a subject inside a sentence ("le service qui oriente les patients quand
 * leur médecin n'est pas dispo") it means "when" as in "whenever": no date is asked; so does a
 * first "quand" before a subject that opens a clause ("Quand un hôpital se fait attaquer, qui fait
 * quoi ?"), where "Quand la FDR a-t-elle été publiée ?" asks one.
 */
const WHEN_ASKED = /(?:^|[,:;(]\s*|\bet\s+)quand\b(?!\s+(?:(?:on|il|elle|ils|elles|je|tu|nous|vous|un|une|le|la|les|ce|ca|ça|ya|y)\s|[ljc]')(?:(?!-(?:t-)?(?:il|elle|on|ils|elles)\b)[^?,])*,)|\b(?:c'est|c est|cest|est-ce|prevue?s?|arrive|arrivera|sera|seront|aura|auront|commence|commencera|demarre|demarrera|sortira|ouvre|ouvrira|termine|terminera|finira)\s+quand\b|\bquand\s*[?!.]*\s*$|\bquand\b(?!\s+(?:le|la|les|l'|un|une|des|on|il|elle|ils|elles|je|j'|tu|nous|vous|leur|leurs|mon|ma|mes|son|sa|ses|ton|ta|tes|notre|nos|votre|vos|ce|cet|cette|ces|c'est|ca|ça|quelqu'un|personne|rien|ya|y a|il y a)\b)/;
const DATE_PHRASES = anyOf([
  "a quelle date", "quelle date", "en quelle annee", "quelle annee", "a partir de quand", "depuis quand",
  "jusqu'a quand", "d'ici quand", "d'ici a quand", "pour quand", "echeance", "calendrier", "date limite",
  "what year", "which year", "by when", "deadline", "timeline", "what date", "since when",
]);
/**
 * English "when" asks a date before a verb ("when will…", "when's the ApCV due?") or closing the
 * question ("due when?"); before a subject it sets the time of something else ("who ran the Cnam
 * when the roadmap was launched?", "when it comes to telehealth…").
 */
const WHEN_ASKED_EN = /\bwhen(?:'s|\s+(?:is|was|will|would|did|does|do|are|were|should|can|could|has|have|had|shall|exactly))\b|\bwhen\s*[?!.]*\s*$/;
const DATE_ASKED = new RegExp(`${WHEN_ASKED.source}|${WHEN_ASKED_EN.source}|${DATE_PHRASES.source}`);
/**
 * Whether a question asks a date, read in the sentences that ask ("Ma voisine ne sait jamais quand
 * refaire ses rappels. Son espace santé va-t-il l'aider ?" tells a situation first), with "qd" read
 * as the "quand" it shortens ("qd ya une menace" is "whenever there is a threat").
 */
export function asksDate(s: string): boolean {
  return DATE_ASKED.test(askingSentences(s).replace(/\bqd\b/g, "quand"));
}

/** The sentences of a question that ask: those ending with a question mark, or the last one when none does. */
export function askingSentences(s: string): string {
  const sentences = s.split(/(?<=[.?!])\s+(?=\S)/);
  if (sentences.length < 2) return s;
  const asking = sentences.filter((x) => x.trim().endsWith("?"));
  return (asking.length ? asking : sentences.slice(-1)).join(" ");
}
/**
 * "qui" asks for a person only as a question word — "qui pilote ?", "c'est qui ?", "par qui",
 * "savoir qui porte…" — not as the relative pronoun of "l'action qui parle de…", "les personnes
 * âgées qui sont perdues devant les outils". English "who" likewise, first or after a pause, a
 * preposition or a verb of asking ("who runs it?", "know who runs it"), not after a noun ("the
 * people who'll use them").
 */
export const ASKS_PERSON = /(?:^|[.?!]\s*)(?:et\s+)?qui\b|\b(?:c'est|c est|cest|ce sont|par|a|avec|pour|chez|de) qui\b|(?:^|[.?!,:;(]\s*|\b(?:et|mais|alors|donc|savoir|dire|indiquer|preciser|demander|demande|connaitre|sais|sait|voir|comprendre|trouver|ou|or)\s+)qui (?:est|sont|etait|etaient|a ete|ont ete|pilote|pilotait|porte|portait|gere|dirige|dirigeait|s'occupe|presente|presentait|a presente|a annonce|a ete nomme|ont ete nommes|est responsable|sont responsables|est charge|etaient presents)\b|\b(?:c'est|c est|cest|ce sont)\s+[^?.!]{1,50}?\s+qui (?:est|sont|etait|etaient|a ete|ont ete|pilote|pilotait|porte|portait|gere|dirige|dirigeait|s'occupe|presente|presentait|a presente|a annonce|a ete nomme|ont ete nommes|est responsable|sont responsables|est charge|etaient presents)\b|\bqui\s*\?|(?:^|[.?!,:;(]\s*|\b(?:and|but|so|or|by|to|for|with|from|of|about|know|tell|ask|asking|wonder|wondering|see|find|say|says|exactly|then)\s+)who\b|\bwhom\b|\bwhose\b|\bquel(?:le)?s? (?:ministre|personnes?|responsables?|pilotes?|directeurs?|directrices?|delegues?|deleguees?)\b/;
export const ASKS_REASON = anyOf([
  "pourquoi", "pour quelle raison", "pour quelles raisons", "dans quel but", "quel est le but", "quel est l'objectif",
  "quel interet", "quel est l'interet", "why", "what for", "for what reason", "pk", "pq", "pkoi", "pourkoi",
]);
/** Words that name a role: a "qui" question is answered by a passage that names one. */
export const PERSON_ROLES = anyOf([
  "ministre", "ministres", "secretaire d'etat", "directeur", "directrice", "directeurs", "delegue", "deleguee", "delegues",
  "responsable", "responsables", "pilotage", "pilote", "pilotes", "president", "presidente", "adjoint", "adjointe",
  "haut fonctionnaire", "chef de projet", "cheffe de projet", "charge de mission", "chargee de mission", "porteur",
  "porteurs", "equipe projet", "maitrise d'ouvrage", "minister", "director", "head of", "lead",
]);
/**
 * What makes a question about someone's career one about a person: a pronoun for a person ("qui
 * lui a succédé", "a-t-il quitté") or a post held by one. "Qui a remplacé la DSSIS ?" asks of a body,
 * which the texts do say; "depuis que leur médecin est parti" tells the asker's situation.
 */
export const PERSON_PRONOUNS = anyOf(["lui", "a-t-il", "a-t-elle", "est-il", "est-elle", "he", "she", "him", "her", "his"]);
export const POSTS = anyOf([
  "ministre", "ministres", "secretaire d'etat", "directeur", "directrice", "delegue", "deleguee", "president", "presidente",
  "adjoint", "adjointe", "minister", "director", "delegate", "head of",
]);
/** Words that state a purpose or a cause: a "pourquoi" question is answered by a passage that has one. */
export const PURPOSE = anyOf([
  "afin de", "afin que", "pour que", "dans le but", "objectif", "objectifs", "vise a", "visant a", "en vue de", "permettre",
  "permettant", "pour", "so that", "in order to", "aims", "aim", "to help",
  "parce que", "parce qu", "car", "en raison de", "compte tenu", "du fait de", "because", "due to",
]);
export const ASKS_PLACE = anyOf(["ou se trouve", "ou est", "ou etait", "ou a eu lieu", "dans quelle ville", "quel lieu", "where", "ou ca"]);

interface Attribute {
  asks: readonly string[];
  /** Asking words the phrases cannot hold, with a lookahead for what must follow them. */
  asksBefore?: RegExp;
  evidence: readonly string[];
}

/**
 * Kinds of information that plans and strategy pages seldom give, each with the words that ask
 * for it and the words a passage that gives it would use. A question asking one of them is
 * answered only by a passage that speaks of it: "le mail du Lab e-santé", "qui a remplacé …",
 * "c'est gratuit ?", "quelle amende ?", "quel éditeur ?".
 */
const ATTRIBUTE_TABLE = {
  contact: {
    asks: [
      "adresse mail", "adresse email", "adresse e-mail", "son mail", "leur mail", "numero de telephone", "le numero a appeler",
      "le num a appeler", "joindre", "contacter", "horaires", "heures d'ouverture", "lien vers",
      // The site asked for, not the site as a topic ("what's planned for the Santé.fr website?").
      "quel site", "quel est le site", "c'est quoi le site", "leur site", "son site", "le site web de", "le site internet de",
      "adresse du site web", "what is the website", "what's the website", "whats the website", "their website", "its website", "website address", "website of", "link to",
      "url", "adresse web", "adresse du site", "s'abonner", "s'abonne", "abonnement", "quel numero appeler", "quel numero de telephone", "numero a appeler", "telecharger", "telecharge", "comment s'inscrire", "m'inscrire", "s'inscrire sur", "s'inscrire en ligne", "inscription en ligne", "formulaire d'inscription", "formulaire", "siege", "email address", "phone number",
      "opening hours", "how do i contact", "download", "sign up", "register",
      "c'est ouvert", "est ouvert le", "est-il ouvert", "est-elle ouverte", "ouvert le dimanche", "ouvert le samedi", "ferme a quelle heure",
      "ouvre a quelle heure", "what time does", "open on", "is it open", "a quelles heures", "quels horaires", "what hours", "opening times",
      // Where a body sits, and the line to call for help.
      "adresse postale", "a quelle adresse", "quelle adresse", "l'adresse du", "adresse des locaux", "adresse exacte",
      "ouvrent a quelle heure", "ferment a quelle heure", "leur num", "son num", "leur numero", "son numero", "leur tel", "son tel",
      "ou sont ses locaux", "quel arrondissement", "where is it located", "where is it based",
      "headquartered", "headquarters", "postal address", "street address", "web address",
      "hotline", "numero vert", "assistance telephonique", "support technique", "helpdesk", "help desk", "mail referent", "mail du referent",
    ],
    // "son adresse", not the mail address a text speaks of ("depuis son adresse gmail perso").
    asksBefore: /\b(?:son|leur) adresse(?!\s+(?:gmail|mail|e-mail|email|perso|personnelle|electronique|messagerie))/,
    evidence: ["adresse", "telephone", "mail", "courriel", "site", "www", "http", "contact", "horaires", "inscription", "formulaire", "siege", "hotline", "numero vert"],
  },
  career: {
    asks: [
      "successeur", "qui a remplace", "a remplace", "remplacant", "remplacante", "a quitte", "est partie", "est parti",
      "est-elle partie", "est-il parti", "son age", "est nee",
      "est ne", "diplome", "il bosse", "elle bosse", "travaille ou", "bosse ou", "ancien poste", "who succeeded", "who replaced",
      "succeeded", "gossip", "left the", "did he leave", "did she leave",
      "lui a succede", "a succede a", "qui est venu apres", "qui est venue apres", "est arrive apres", "est arrivee apres",
      "le ministre suivant", "la ministre suivante", "le suivant a ce poste", "came after", "took over from", "who followed", "who came next",
      "quel poste aujourd'hui", "occupe quel poste", "son poste actuel", "toujours en poste", "toujours ministre", "toujours secretaire d'etat",
      "toujours delegue", "toujours deleguee", "toujours directeur", "toujours directrice", "current job", "current position", "still in office",
      "still minister", "still in charge", "doing now",
      // A person's age and path before or after the post the texts name.
      "quel age", "how old", "parcours professionnel", "faisait quoi avant", "avant sa nomination", "avant d'etre nomme", "avant d'etre nommee",
      "devenu quoi apres", "devenue quoi apres", "dirigeait quelle", "before becoming", "before joining", "career path", "why did he leave", "why did she leave",
    ],
    evidence: ["successeur", "succede", "remplace", "quitte", "depart", "diplome", "ancien", "auparavant"],
  },
  // What a person or a post is paid: an amount the plans never give, whoever is asked about.
  pay: {
    // The amount asked, not pay as a topic ("les grilles salariales", "anything on IT salaries?").
    asks: ["son salaire", "leur salaire", "quel salaire", "quels salaires", "quel est le salaire", "c'est quoi le salaire", "combien est paye", "combien est payee", "combien sont payes", "what is the salary", "what's the salary", "combien gagne", "combien gagnent", "gagnait", "what salary", "how much do they earn", "how much does he earn", "how much does she earn", "how much is he paid", "how much is she paid", "how much are they paid"],
    evidence: ["salaire", "euros", "brut", "net"],
  },
  officeholder: {
    asks: [
      "qui preside", "qui presidait", "qui est le directeur", "qui est la directrice",
      "qui est le president", "qui est la presidente", "c'est qui le directeur", "c'est qui la directrice", "c'est qui le president",
      "c'est qui la presidente", "le directeur c'est qui", "la directrice c'est qui", "nom du directeur", "nom de la directrice",
      "nom du president", "nom de la presidente", "nom du responsable", "nom de la personne", "who chairs",
      "who is the director", "who is the head", "name of the director", "name of the head", "name of the person",
      "qui dirige actuellement", "qui est a la tete", "qui est actuellement a la tete", "qui est aujourd'hui a la tete", "qui est maintenant a la tete",
      "qui dirige aujourd'hui", "qui dirige maintenant", "qui pilote aujourd'hui", "qui pilote actuellement", "current director", "current head", "who currently heads", "who currently runs",
    ],
    // "Qui dirige l'Agence du numérique en santé aujourd'hui ?": who holds a post now, the body named between.
    asksBefore: /\b(?:qui (?:dirige|preside|pilote|est a la tete d[eu'])|who (?:heads|runs|leads|chairs|is in charge of))(?=[^?.!]{0,80}\b(?:aujourd'hui|actuellement|maintenant|en ce moment|desormais|now|today|currently|these days)\b)/,
    evidence: ["president", "presidente", "preside", "presidee", "directeur", "directrice", "dirige", "ministre", "nomme", "nommee"],
  },
  deadline: {
    asks: [
      "date limite", "jusqu'a quelle date", "jusqu'a quand", "avant quelle date", "quelle echeance", "a quelle echeance",
      "deadline", "until when", "by what date", "cut-off date",
    ],
    evidence: ["echeance", "limite", "d'ici", "horizon", "au plus tard", "jusqu'au", "jusqu'en", "avant le", "avant fin", "by", "deadline"],
  },
  eligibility: {
    asks: [
      // Asked of someone, not said of a population ("repérer les patients éligibles aux dépistages").
      "criteres d'eligibilite", "eligibilite", "qui est eligible", "qui sont eligibles", "suis-je eligible", "sommes-nous eligibles",
      "est-on eligible", "est-il eligible", "est-elle eligible", "sont-ils eligibles", "sont-elles eligibles", "on est eligible", "est eligible ?",
      "qui a droit", "qui peut en beneficier", "quelles conditions", "sous quelles conditions",
      "eligibility", "who is eligible", "who's eligible", "are we eligible", "am i eligible", "is it eligible", "criteria",
    ],
    evidence: ["eligible", "eligibles", "eligibilite", "critere", "criteres", "condition", "conditions", "beneficier", "ouvert aux", "sous reserve", "a condition", "des lors que"],
  },
  price: {
    asks: ["gratuit", "gratuite", "gratuits", "payant", "payante", "payants", "ca coute", "combien coute", "tarif", "free of charge", "how much does it cost", "is it free"],
    evidence: ["gratuit", "payant", "prix", "tarif", "cout", "coute", "euros", "reste a charge", "rembourse"],
  },
  legal: {
    asks: [
      "amende", "amendes", "penalite", "penalites", "penalty", "illegal", "legal", "loi", "decret", "statut juridique", "jurisprudence", "votee", "le vote", "law", "fine",
      "sanction", "sanctions", "sanctionne", "sanctionnes", "puni", "punis", "punition", "poursuites", "prison", "penalties", "punished", "sanctioned",
      "obligation legale", "legalement", "legale", "appel d'offres", "marche public", "marches publics",
      "legal obligation", "legally required", "does the act apply", "legaux", "legales", "delai legal", "delais legaux",
      "on a le droit", "a-t-on le droit", "a t on le droit", "ai-je le droit", "j'ai le droit", "c'est interdit", "est-ce interdit", "interdit ou pas", "il risque", "elle risque", "on risque", "are we allowed", "is it allowed", "am i allowed",
    ],
    evidence: ["amende", "sanction", "sanctionner", "penalite", "loi", "decret", "arrete", "juridique", "legal", "vote", "obligatoire", "opposable", "interdit", "interdiction", "autorise", "conditionner", "conditionnes", "conditionnement", "conditionnalite"],
  },
  vendor: {
    asks: [
      "quel editeur", "quels editeurs", "quelle entreprise", "quelle societe", "quelle start-up", "quelle startup",
      "quel logiciel", "quel prestataire", "quelle marque", "quel fournisseur", "which company", "which vendor",
      "which software", "what software", "iphone", "android", "quel hebergeur", "quels hebergeurs", "which host", "hosting provider",
      "quel cabinet", "cabinet de conseil", "consulting firm", "heberge chez qui", "hebergees chez qui", "hosted by whom", "quels editeurs sont references",
      "nom de la start-up", "nom de la startup", "nom de l'entreprise", "name of the start-up", "name of the startup", "name of the company",
    ],
    evidence: ["editeur", "societe", "entreprise", "prestataire", "fournisseur", "marque", "industriel", "logiciel", "start-up", "startup", "jeune pousse"],
  },
  status: {
    asks: [
      "a ce jour", "en ce moment", "elle a marche", "il a marche", "actually work", "ya eu un bilan", "y a eu un bilan", "il y a eu un bilan", "was there an evaluation", "combien sont deja", "sont deja", "ont deja", "deja formes", "deja equipes", "deja equipe",
      "pas encore", "ca a marche", "a-t-il marche", "a-t-elle marche", "did it work", "existe encore", "still exist", "so far",
      "jusqu'ici", "jusqu'a present", "a l'heure actuelle", "pour l'instant", "up to now",
      "est deja", "est-il deja", "est-elle deja", "sont-ils deja", "deja operationnel", "deja operationnelle", "deja en place", "deja deploye", "deja deployee",
      "to date", "already been", "how many already", "have already", "has already", "quels resultats", "quels sont les resultats", "what were the results", "what results",
      // What was in fact paid or spent, where the plans give what is planned.
      "effectivement verse", "effectivement versee", "effectivement verses", "effectivement versees", "effectivement depense",
      "effectivement depensee", "effectivement consomme", "reellement verse", "reellement depense", "actually spent", "actually paid", "actually disbursed",
      "effectivement ete verse", "effectivement ete versee", "effectivement ete verses", "effectivement ete depense", "ete effectivement verse",
    ],
    evidence: ["deja", "aujourd'hui", "a ce jour", "actuellement", "desormais", "depuis", "bilan", "resultat", "resultats", "atteint"],
  },
  membership: {
    asks: [
      "qui en fait partie", "qui fait partie", "qui y siege", "qui siege", "compose de qui", "composee de qui", "sa composition",
      "quels sont les membres", "quels membres", "la liste des membres", "who are the members", "who sits on", "made up of whom",
      "sont membres", "which hospitals take part", "which hospitals participate",
      "quels pays participent", "quels pays europeens participent", "quels etablissements participent", "quels hopitaux participent",
      "which countries participate", "which countries take part",
    ],
    evidence: ["membre", "membres", "compose", "composee", "reunit", "rassemble", "associe", "regroupe", "represente", "representants"],
  },
  procedure: {
    asks: [
      "comment configurer", "je configure", "comment parametrer", "on parametre", "etape par etape", "comment installer", "how do i set up", "how do i configure", "how to configure",
      "comment on candidate", "comment candidater", "comment postuler", "comment on postule", "quelle procedure", "la procedure",
      "quelles etapes", "les etapes", "comment l'activer", "je l'active comment", "comment on l'active", "comment activer",
      "comment on obtient", "comment obtenir", "how do i apply", "how to apply", "what is the procedure", "step by step", "how do i activate",
      "reinitialise", "reinitialiser", "mot de passe oublie", "code oublie", "reset my", "forgot my",
    ],
    evidence: ["etape", "etapes", "procedure", "candidater", "candidature", "appel a projets", "appel a candidatures", "activer", "activation", "modalites", "guichet", "reinitialiser"],
  },
  // How often something must be done: a rhythm the plans seldom set ("tous les combien, les audits ?").
  frequency: {
    asks: ["a quelle frequence", "quelle frequence", "tous les combien", "how often", "how frequently", "at what frequency", "quelle periodicite"],
    evidence: ["frequence", "periodicite", "chaque annee", "annuel", "annuelle", "annuellement", "tous les ans", "par an", "mensuel", "trimestriel", "regulierement", "periodique"],
  },
  // When the next meeting, edition or round takes place: a calendar the plans do not keep, whatever
  // the event ("la prochaine édition c'est quand", "when is the next steering committee?").
  schedule: {
    asks: [
      "le prochain comite", "la prochaine reunion", "la prochaine seance", "la prochaine session", "la prochaine edition",
      "la prochaine vague", "la prochaine campagne", "le prochain appel", "la prochaine rencontre", "le prochain rendez-vous",
      "quand a lieu le prochain", "quand a lieu la prochaine", "quand aura lieu", "date du prochain", "date de la prochaine",
      "c'est quand le prochain", "c'est quand la prochaine", "quand est le prochain", "quand est la prochaine",
      "next meeting", "next session", "next edition", "next round", "next committee", "next call for", "when is the next", "when's the next",
    ],
    evidence: ["prochain", "prochaine", "calendrier", "se tiendra", "aura lieu", "se reunira", "next", "scheduled"],
  },
  weather: { asks: ["meteo", "quel temps", "pleuvoir", "pluie", "fera beau", "fait beau", "weather", "rain", "forecast", "sunny"], evidence: ["meteo", "pluie", "soleil", "climat"] },
  // Office life and travel, asked of the assistant because it is at hand: a printer, leave, a train, lunch.
  errand: {
    asks: [
      "imprimante", "bourrage", "photocopieuse", "note de frais", "notes de frais", "mes conges", "poser mes cp", "poser des cp", "mes rtt",
      "appli rh", "quel train", "prendre le train", "billet de train", "un resto", "bon resto", "restaurant", "dejeuner d'equipe",
      "dej d'equipe", "plafond pour l'hotel", "reserver une salle", "salle de reunion", "code wifi", "mot de passe wifi", "machine a cafe",
      "reserve une salle", "salle de reu", "salle de reunion pour",
      "garer", "me garer", "se garer", "stationner", "place de parking", "parking", "garer mon velo", "park my", "parking space", "bike rack",
      "printer", "paper jam", "expense report", "annual leave", "book a room", "which train", "lunch spot", "restaurant near",
    ],
    evidence: ["imprimante", "frais", "conges", "train", "restaurant", "hotel", "wifi", "reunion"],
  },
} satisfies Record<string, Attribute>;
/** The kinds of information above, by name: what the answer says it cannot give is written per kind. */
export type AttributeKind = keyof typeof ATTRIBUTE_TABLE;
export const ATTRIBUTES: Readonly<Record<string, Attribute>> = ATTRIBUTE_TABLE;

// ---------------------------------------------------------------- the structure of a plan

/** Counting: "combien d'actions", "how many axes". */
export const ASKS_COUNT = anyOf(["combien", "nombre", "nombres", "how many", "number of", "count", "nb", "cb", "cmb"]);
/** Listing: "quels sont les axes", "liste des actions". */
export const ASKS_LIST = anyOf([
  "quels sont", "quelles sont", "quels", "quelles", "liste", "lister", "listes", "enumere", "enumerer", "cite", "citer",
  "donne moi", "donne-moi", "donnez moi", "what are", "which are", "list", "name the", "show me", "give me", "les grandes",
  "les grands", "les principaux", "les principales", "main", "c'etaient quoi", "c'est quoi les", "c etait quoi",
]);
/** "dans quel axe", "se rattache à": the group of an action. */
export const ASKS_GROUP_OF = anyOf([
  "appartient", "appartiennent", "rattache", "rattachee", "rattaches", "rattachees", "se rattache", "belongs", "belong",
  "falls under", "fall under", "comes under", "range", "rangee", "classe", "classee", "relève", "releve",
]);
/** Words before a group word that ask which group: "dans quel axe", "in which axis". */
export const WHICH = ["quel", "quelle", "quels", "quelles", "dans quel", "dans quelle", "sous quel", "sous quelle", "which", "in which", "under which", "what"];

/** The generic units of a plan (its groups' names come from each roadmap's structure file). */
export const ACTION_WORDS = anyOf(["action", "actions", "priorite", "priorites", "priority", "priorities"]);
export const MEASURE_WORDS = anyOf([
  "mesure", "mesures", "objectif", "objectifs", "sous-mesures", "measure", "measures", "objective", "objectives", "sub-measures",
]);
/** What a plan is called: "feuille de route", "roadmap", "FDR", "stratégie", "plan". */
/** The plan words most often mistyped ("feulle de route", "raodmap"), read as such before documents are resolved. */
export const PLAN_WORD_FORMS: readonly string[] = ["feuille", "feuilles", "roadmap", "roadmaps"];
export const PLAN_WORDS = anyOf([
  "feuille de route", "feuilles de route", "feuille de routes", "fdr", "fdrs", "roadmap", "roadmaps", "road map",
  "strategie", "strategies", "strategy", "plan", "plans", "programme", "politique", "policy", "texte", "textes", "document",
]);
/**
 * A plan named by its field ("digital health roadmap", "feuille de route du numérique en santé"):
 * the field's words name the plan, not one of its parts ("Access to health").
 */
export const PLAN_FIELD = /(?<![a-z0-9])(?:(?:digital[\s-]+health|e-?health|health|healthcare)(?:\s+(?:it|care))?\s+(?:roadmaps?|plans?|strateg(?:y|ies))|(?:feuilles? de route|fdrs?|plans?|strategies?)\s+(?:nationale?s?\s+)?(?:du\s+|de\s+la\s+)?(?:numerique\s+en\s+sante|e-?sante|sante\s+numerique|numerique|sante))(?![a-z0-9])/g;
/** Asking what an action contains. */
export const ASKS_CONTENT = anyOf([
  "mesures", "measures", "objectifs", "contenu", "contient", "detail", "details", "detaille", "detailler", "prevoit",
  "comprend", "what's in", "whats in", "contains", "content",
]);
/**
 * Asking about a group as a whole, its contents, its name or its place: "que contient l'axe 2", "les
 * actions de l'axe prévention", "l'intitulé du troisième axe", "elle arrivait en quelle position ?".
 * Without these, a group named beside a topic only says where to look ("la mesure « Co-conception »
 * dans l'axe prévention").
 */
export const ASKS_GROUP_ITSELF = anyOf([
  "contenu", "contient", "contiennent", "comprend", "comprennent", "compose", "composent", "y a quoi", "il y a quoi",
  "qu'y a-t-il", "qu'y a t il", "qu'est-ce qu'il y a", "qu'est ce qu'il y a", "what's in", "whats in", "what is in",
  "contains", "content", "consists", "made up", "quelles actions", "quelles sont les actions", "les actions",
  "toutes les actions", "which actions", "what actions", "the actions", "all actions",
  "regroupe", "regroupent", "rassemble", "rassemblent", "groups together",
  "intitule", "titre", "nom", "s'appelle", "appelle", "title", "name", "called", "theme",
  "position", "rang", "quelle place", "numero", "rank",
]);
/** "l'action suivante", "the next one". */
export const NEXT = anyOf(["suivante", "suivant", "d'apres", "next", "following", "apres celle-ci", "celle d'apres"]);
/**
 * An action asked as the neighbour of one named or described: "l'action qui suit « … »", "quelle
 * action vient juste avant la e-CPS ?", "the action after action 13". The action word is required:
 * "le médecin qui suit le patient" follows no action.
 */
export const ACTION_AFTER = /\bactions?\s+(?:qui\s+)?(?:suit|suivante|d'apres|vient\s+(?:juste\s+)?apres)\b|\b(?:juste\s+)?apres\s+l'action\b|\b(?:next|following)\s+action\b|\baction\s+(?:that\s+)?(?:follows|comes\s+(?:right\s+|just\s+)?after)\b|\baction\s+after\b/;
export const ACTION_BEFORE = /\bactions?\s+(?:qui\s+)?(?:precede|precedente|d'avant|vient\s+(?:juste\s+)?avant)\b|\b(?:juste\s+)?avant\s+l'action\b|\b(?:previous|preceding)\s+action\b|\baction\s+(?:that\s+)?(?:precedes|comes\s+(?:right\s+|just\s+)?before)\b|\baction\s+before\b/;
export const PREVIOUS = anyOf(["precedente", "precedent", "d'avant", "previous", "celle d'avant"]);

/** A plan named by a person: "le plan Buzyn", "la feuille de route de Pon", "Buzyn's roadmap". */
export const PLAN_OF_PERSON = /\b(?:plan|plans|feuille de route|fdr|strategie|roadmap|reforme)\s+(?:de\s+|d'|du ministre\s+|de la ministre\s+)?([a-z][a-z-]{3,})\b|\b([a-z][a-z-]{3,})(?:'s)?\s+(?:plan|roadmap)\b/g;

/** Naming the most recent or an earlier plan without its year. */
export const LATEST_PLAN = anyOf([
  "nouvelle", "nouvelles", "nouveau", "actuelle", "actuel", "en cours", "en vigueur", "current", "new", "latest", "recente",
  "derniere feuille de route", "la derniere fdr", "aujourd'hui", "today", "now", "maintenant", "v2",
]);
/** The latest plan named by a pronoun once a plan was named: "l'ancienne FDR…, et la nouvelle ?", "…and what does the new one say?". */
export const LATEST_PLAN_ALONE = /(?<![a-z0-9])(?:(?:the|today's)\s+(?:new|newer|current|latest|recent)\s+one|(?:la|le|l')\s*(?:nouvelle|nouveau|actuelle|actuel|recente)\s*(?=[?!.,;:]|$)|celle d'aujourd'hui|celle en cours)(?![a-z0-9])/;
/** An earlier plan named by a pronoun once a plan was named: "ce que la FDR 2023-2027 garde de l'ancienne sur…", "…than the previous one". */
export const EARLIER_PLAN_ALONE = /(?<![a-z0-9])(?:the\s+(?:old|older|previous|earlier|first)\s+one|(?:la|le|l')\s*(?:ancienne|ancien|precedente|precedent)\s*(?=[?!.,;:]|\s+(?:sur|pour|en|dans|et|ou|on|il|elle)\b|$)|celle d'avant|celui d'avant)(?![a-z0-9])/;
export const EARLIER_PLAN = anyOf([
  "ancienne", "anciennes", "ancien", "precedente", "old", "older", "previous", "d'avant", "v1", "a l'epoque", "back then", "at the time",
]);
/**
 * "la première feuille de route", "la 1ère FDR", "the first roadmap": the ordinal right before the
 * plan word, not "la première action de la FDR", nor "au premier plan" (in the foreground).
 */
export const FIRST_PLAN = /(?<![a-z0-9])(?:(?:premiere|1ere|1re)\s+(?:feuilles? de route|fdrs?|strategie)|first\s+(?:roadmap|plan|strategy))(?![a-z0-9])/;

/** Comparing or following a topic through time. */

/**
 * Asking whether something lasted into a plan: "encore dans la FDR actuelle ?", "est-il toujours
 * d'actualité ?", "does the roadmap still mention it?". "Still" must be said of being in the plan:
 * "un généraliste envoie encore les ordonnances par Gmail" tells how things are, and asks no comparison.
 */
export const STILL = /\b(?:toujours|encore|still)\s+(?:(?:[a-z']+\s+){0,2}?)(?:dans|in|there|d'actualite|present|presente|presents|presentes|prevu|prevue|prevus|prevues|au programme|mentionne|mentionnee|mentionnes|cite|citee|parle|evoque|mention|mentions|mentioned|include|includes|included|cover|covers|covered|feature|features|around|on the agenda|part of|planned)\b|\b(?:est|sont|reste|restent|figure|figurent|apparait|apparaissent|existe|existent|is|are|remain|remains|exist|exists|parle|parlent|insiste|insistent|prevoit|prevoient|mentionne|mentionnent|cite|citent|evoque|evoquent|garde|gardent|conserve|conservent|contient|contiennent)(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+(?:[a-z']+\s+){0,1}?(?:toujours|encore|still)\b|\b(?:a-t-(?:il|elle|on)|ont-(?:ils|elles))\s+(?:toujours|encore|still)\b|\b(?:survived|survive|survives|remains|remain)\b/;
const EVOLUTION_WORDS = anyOf([
  "devenu", "devenue", "devenus", "devenues", "evolue", "evolution", "evolutions", "compare", "comparer",
  "comparaison", "comparatif", "difference", "differences", "become", "became",
  "then and now", "change", "changed", "changes", "changement", "changements",
  "successeur", "remplace", "remplacee", "remplacement", "la suite", "quelle suite", "poursuivi", "poursuit", "poursuite",
  "what happened to", "qu'est-ce qui a change", "avant et apres", "avant/apres", "et maintenant", "aujourd'hui",
  // The present set against an earlier plan the question names ("prévue en 2019 : maintenant ?"); alone, no comparison.
  "maintenant", "mtn", "mnt", "desormais", "a present", "actuellement", "de nos jours", "ajd", "auj", "now", "today", "nowadays", "currently",
  "colle", "aligne", "alignee", "coherent", "coherente", "rattache", "consistent", "aligned", "correspond", "correspondent",
  "correspondance", "coincide", "match", "matches", "reprend", "decline", "declinaison",
  "la meme chose", "meme chose", "the same thing", "same thing", "disent pareil",
]);
/**
 * Change over time asked of a topic. "Depuis" and "since" count before a time or a plan ("depuis
 * 2019", "depuis le lancement", "since then"), not before a place or a device ("se connecter
 * depuis sa tablette"); "continue" when asked whether it goes on ("ça continue ?"), not of doing
 * something ("on continue à le déployer"); "still" as STILL reads it; "vs" only between two texts,
 * which the references see.
 */
export const ASKS_EVOLUTION = new RegExp(
  [
    EVOLUTION_WORDS.source,
    "\\b(?:depuis|since)\\s+(?:(?:19|20)\\d{2}|(?:la|le|l'|les|cette|ce|the|that|then|lors|alors|ma sante|its|their)\\b|[?.!]|$)",
    // Set beside an earlier time or plan: "nouveau par rapport à 2019", "compared with the previous roadmap".
    "\\b(?:par rapport (?:a|au|aux)|compared (?:to|with)|in comparison with)\\s+(?:(?:la|le|l'|the|celle de|that of)\\s*)?(?:(?:19|20)\\d{2}|feuilles? de route|fdrs?|plans?|roadmaps?|ancienne|precedente|previous|earlier|older|old|first|premiere|avant)\\b",
    "\\bcontinuen?t?(?:-t-(?:il|elle|on)|-(?:ils|elles))?\\s*(?:[?.!]|$|(?:encore|toujours|dans|en|aujourd'hui|apres|jusqu)\\b)",
    STILL.source,
  ].join("|"),
);
/**
 * Both plans at once: "les deux" or "both" before a plan word, after "dans / sur / in / entre", as
 * the subject of a verb ("les deux en parlent ?", "do both mention it?"), or closing the question
 * ("le DMP dans les deux ?"). Not "both the ApCV and the INS", "les deux bénéfices": two subjects.
 */
const TWO = String.raw`(?:les deux|deux|both|the two|two|les 2|2)`;
const PLANS = String.raw`(?:feuilles? de route|fdrs?|roadmaps?|plans?|strategies|versions|textes|documents)`;
export const BOTH_PLANS = new RegExp(
  String.raw`(?<![a-z0-9])${TWO}\s+(?:[a-z'-]+\s+)?${PLANS}(?![a-z0-9])|(?<![a-z0-9])(?:dans|sur|in|entre|des|across|of|pour|for|by|from)\s+(?:les deux|both|the two)(?![a-z0-9])|(?<![a-z0-9])(?:les deux|les 2)\s+(?:(?:en|y|ne|n'|se|s'|l'|le|la|les)\s*)?[a-z]+ent(?![a-z0-9])|(?<![a-z0-9])[a-z]{2,}ent\s+(?:les deux|les 2)(?![a-z0-9])|(?<![a-z0-9])(?:do|did|will|would|can|could|should)\s+(?:both|the two)(?![a-z0-9])|(?<![a-z0-9])(?:les deux|les 2|both|the two)\s*[?!.]*\s*$|(?<![a-z0-9])(?:chaque feuille|each roadmap|d'une feuille de route a l'autre|d'une fdr a l'autre)(?![a-z0-9])`,
);
/** The plan after the ones the corpus holds: "la prochaine feuille de route", "the roadmap after 2027". */
export const NEXT_PLAN = /\b(prochaine?s?|future?s?|next|upcoming|suivante)\s+(?:[a-z']+\s+){0,2}?(feuilles? de route|fdr|roadmaps?|strategies?|strategy|plans?)\b|\b(feuilles? de route|fdr|roadmaps?|strategies?|strategy|plans?)\s+(?:[a-z']+\s+){0,2}?(suivante|prochaine|a venir|to come)\b/;
/** "après 2027", "after 2027": a year past every plan. */
export const AFTER_YEAR = /\b(?:apres|after|au-dela de|beyond|post|a partir de)\s+(20\d{2})\b/;
/** Following a topic from an earlier plan, no year needed: "qu'est devenu le DMP ?". */
export const FOLLOWED_SINCE = anyOf([
  "qu'est devenu", "qu'est devenue", "qu'est-ce que c'est devenu", "devenu quoi", "devenue quoi", "what became of",
  "what happened to", "toujours d'actualite", "still relevant", "still around", "still there", "encore d'actualite",
  // Change over time, said of the topic itself: "avant/après, ça a bougé comment ?", "how has X evolved?".
  "avant/apres", "avant et apres", "ca a bouge", "a bouge", "a-t-il bouge", "a-t-elle bouge", "a evolue", "a-t-il evolue",
  "a-t-elle evolue", "ont evolue", "has evolved", "have evolved", "then and now", "then vs now", "over the years",
]);
/** The national level, set against a regional document. */
export const NATIONAL = anyOf(["national", "nationale", "nationaux", "niveau national", "l'etat", "ministere", "ministry", "nationally"]);
/** "devenu(e)s … en 2019": what something became at that time, not since. */
export const BECAME_WORDS = /\b(?:devenus?|devenues?|become|became)\b/g;
export const BECAME_IN_YEAR = /\b(?:devenus?|devenues?|became)\b[^?.!]{0,30}\b(?:en|in)\s+(?:19|20)\d{2}\b|\b(?:en|in)\s+(?:19|20)\d{2}\b[^?.!]{0,30}\b(?:devenus?|devenues?|became)\b/;
/** "depuis quand": a date, not a comparison. */
export const SINCE_WHEN = anyOf(["depuis quand", "since when", "depuis combien de temps", "how long"]);

// ---------------------------------------------------------------- words that frame a question

/**
 * Words that frame a question without naming its subject ("comparer", "ça avance ?", "c'est
 * prévu ?"): left out of the subject when judging whether the texts cover it.
 */
export const FRAMING_WORDS: readonly string[] = [
  // A season dates a plan ("présentée au printemps 2019"), it is no topic.
  "printemps", "automne", "hiver", "spring", "summer", "autumn", "winter",
  "comparer", "comparaison", "compare", "comparison", "difference", "differences", "evolution", "evolue", "devenu",
  "devenue", "prevu", "prevue", "prevus", "prevues", "prevoyait", "prevoit", "prevoient", "avance", "avancer",
  "exactement", "concretement", "sujet", "point", "existe", "exist", "exists", "quoi", "change", "changed", "become",
  "became", "happened", "planned", "plan", "plans", "address", "addresses", "cote", "niveau", "mettre", "met", "mettent", "mettons", "faut", "va",
  "vont", "pourra", "pourront", "sert", "servir", "veut", "dire", "signifie", "mean", "means",
  "continue", "continuer", "ancien", "ancienne", "nouveau", "nouvelle", "new", "old", "deux", "both", "two", "vs",
  "versus", "aujourdhui", "aujourd", "hui", "actuellement", "today", "now", "designe", "designent", "dessus", "truc",
  "trucs", "machin", "chose", "choses", "genre", "style", "histoire", "deja", "vraiment", "bref", "ok", "okay", "hein",
  "stp", "svp", "please", "thanks", "merci", "bonjour", "hello", "salut", "coucou", "question", "questions", "savoir",
  "sais", "connais", "connait", "parle", "parlent", "parler", "mentionne", "mentionnent", "evoque", "dit", "disent",
  "anything", "something", "stuff", "thing", "things", "deal", "whats", "mentioned", "mention", "mentions", "covered",
  "cover", "covers", "talk", "talks", "says", "tell", "explain", "explique", "expliquer", "detaille", "resume", "resumer",
  "summary", "summarise", "summarize", "concerne", "concernent", "concernant", "trouve", "retrouve", "ya", "quid",
  "aide", "help", "idee", "maintenant", "encore", "toujours", "still", "depuis", "since", "exemple", "example", "fois",
  "actuel", "actuelle", "current", "latest", "fdr", "fdrs", "v1", "v2", "prevoir", "envisage", "envisagee", "compte",
  "comporte", "contient", "comprend", "inclut", "include", "includes", "regarde", "regarder", "faire", "fait", "font",
  "donne", "donner", "moi", "nous", "vous", "on", "tu", "je", "mon", "ma", "mes", "notre", "nos", "votre", "vos",
];

/**
 * A patient's care across a border: "un patient français hospitalisé en Espagne", "un GHT
 * frontalier qui reçoit des patients belges". The foreign place is the setting, not another plan:
 * the French texts answer it (European exchange of health data).
 */
export const CARE_ABROAD = /\b(?:(?:part|partent|partir|partira|va|vont|aller|doit) (?:vivre|s'installer|habiter|travailler|etudier|sejourner)|demenag\w*|moving (?:abroad|to)|relocat\w*|living abroad|en vacances|pendant (?:ses|leurs|mes|nos) vacances|a l'etranger|transfrontali\w*|frontali\w*|patients? (?:francais|etrangers?|belges?|allemands?|espagnols?|italiens?|suisses?|luxembourgeois|europeens?)|(?:hospitalise|soigne|malade|opere)e?s? (?:en|au|aux)|abroad|cross-border|on holiday|on vacation|while travell?ing)\b/;

/**
 * Phrases that frame a question, whose words alone would be a subject or a search term: asking what
 * a name means ("what does ENS stand for": a French "stand" is a booth; "que veut dire DUI": "dire"
 * is in every "c'est-à-dire" of the texts; "le sigle GIE"), asking politely ("pourriez-vous
 * m'indiquer": "indiquer" and "indicateurs" share a stem), roughly ("ça dit quoi en gros"), or
 * around small talk ("ça va ? bon week-end").
 */
export const FRAMING_PHRASES = anyOf([
  "stand for", "stands for", "stood for", "veut dire", "veulent dire", "voulait dire", "ca veut dire", "signifie",
  "signifient", "signification", "definition", "définition", "definir", "définir", "acronyme", "sigle", "abreviation",
  "abréviation", "mean", "means", "meaning", "acronym", "abbreviation",
  // Small talk around a question, or alone: "salut ça va ? t'as passé un bon week-end ?".
  "t'as passe un bon week-end", "tu as passe un bon week-end", "vous avez passe un bon week-end", "t'as passe un bon",
  "tu as passe un bon", "vous avez passe un bon", "un bon week-end", "ton week-end", "votre week-end", "did you have a good", "how was your weekend",
  "bon lundi", "bon mardi", "bon mercredi", "bon jeudi", "bon vendredi", "a toi", "à toi",
  // A count or a fact stated to be checked: "dix-huit actions, c'est bien ça ?", "18 actions, right?".
  "c'est bien ca", "c'est bien ça", "c bien ca", "c bien ça", "je me trompe", "is that right", "is that correct", "right?",
  "pourriez-vous", "pouvez-vous", "pourrais-tu", "peux-tu", "m'indiquer", "nous indiquer", "me dire", "nous dire",
  "m'expliquer", "nous expliquer", "me preciser", "me préciser", "en gros", "grosso modo", "dans les grandes lignes",
  // Small talk around a question, or instead of one: "bonjour, ça va ? bon week-end à toi !".
  "ca va", "ça va", "comment vas-tu", "comment allez-vous", "bon week-end", "bon weekend", "bonne journee", "bonne journée",
  "bonne soiree", "bonne soirée", "bonne semaine", "bonnes vacances", "bonne annee", "bonne année", "a toi", "à toi",
  "a vous", "à vous", "how are you", "have a nice day", "have a good weekend", "have a nice weekend",
  // How far one plan goes beside another frames a comparison: "va plus loin que la précédente sur la cyber".
  "plus loin que", "aller plus loin", "va plus loin", "vont plus loin", "further than", "go further", "goes further",
  // "par rapport à" relates the topic to something ("par rapport à 2019", "par rapport à la cyber"): no topic of its own.
  "par rapport a", "par rapport au", "par rapport aux", "compared to", "compared with", "in comparison with",
]);

/**
 * Words staff cut short in a hurry, with the word they cut: "les etabs médico-soc", "le Ségur num".
 * Read only when the texts do not use the short form as a word of their own.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  num: "numerique", soc: "social", etab: "etablissement", etabs: "etablissements", infos: "informations",
  info: "information", dispo: "disponible", dispos: "disponibles", gouv: "gouvernement",
  asso: "association", assos: "associations", medoc: "medicament", medocs: "medicaments", presta: "prestataire",
  prestas: "prestataires", formas: "formations", forma: "formation", coordo: "coordination", regu: "regulation",
  interop: "interoperabilite", cyber: "cybersecurite", televisio: "teleconsultation",
};

/**
 * The pronoun of an inverted question ("va-t-il", "prévoit-elle", "pourriez-vous", "puis-je") or of
 * an imperative ("donne-moi"): its joined form is no word.
 */
export const INVERTED_PRONOUNS: ReadonlySet<string> = new Set(["il", "elle", "ils", "elles", "on", "t", "vous", "nous", "je", "tu", "moi", "toi"]);

/** Question words and their texting forms: they ask, they name no subject. */
export const QUESTION_WORDS: readonly string[] = [
  "quoi", "koi", "kwa", "quel", "quelle", "quels", "quelles", "qui", "ki", "quand", "qd", "kan", "ou", "comment", "cmt",
  "combien", "cb", "cmb", "nb", "nbre", "pourquoi", "pk", "pq", "pkoi", "pourkoi", "lequel", "laquelle", "lesquels",
  "lesquelles", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "many", "much", "whats", "what's",
  "estce", "questce", "quelquun", "quelqu", "quelque", "si", "if", "total", "totale", "contain", "contains", "contained", "comme", "like", "dernier",
  "derniere", "last", "premier", "premiere", "first", "final", "finale", "suivant", "suivante", "next", "precedent",
  "precedente", "previous", "numero", "number", "num",
];

/** A figure, then the parts it counts: "dix-huit actions", "4 grands axes", "18 actions". */
export const COUNT_STATED = new RegExp(String.raw`^\s*${SIZE_BEFORE}([a-z'-]+)`);

/** Words of a structure question that are not a subject: "quels sont les grands axes de la FDR ?". */
export const STRUCTURE_FRAME: readonly string[] = [
  "quels", "quelles", "sont", "liste", "lister", "combien", "feuille", "feuilles", "route", "roadmap", "roadmaps",
  "grandes", "grands", "principaux", "principales", "what", "which", "list", "many", "main", "there", "have", "does",
  "compte", "comporte", "numerique", "sante", "digital", "health", "cette", "celle", "nouvelle", "ancienne", "enumere",
  "nombre", "total", "total", "strategie", "strategy", "plan", "texte", "document", "fdr", "fdrs", "priorite",
  "priorites", "action", "actions", "mesure", "mesures", "objectif", "objectifs", "measure", "measures", "count",
  "donne", "moi", "cite", "etaient", "etait", "c'etaient", "quoi", "ya", "tout", "toutes", "tous", "the", "des",
  "french", "francais", "francaise", "national", "nationale", "individual", "individuelles", "sit", "under", "contain",
  "reparties", "repartis", "divisee", "decoupee",
  // How a plan came out ("la feuille de route présentée au printemps 2019"), not what it speaks of.
  "presentee", "publiee", "adoptee",
];

/**
 * Words every chunk carries in its context path ("Feuille de route … › Action 3"), question verbs,
 * the "now" of a comparison ("en 2019 et aujourd'hui"), "ça sert à quoi" and "rattaché à": in a search they match
 * everything, or every known question asked that way, and only add noise to the rankers.
 */
export const SEARCH_NOISE: ReadonlySet<string> = new Set([
  "strategie", "strategy", "grandes", "grands", "numerique", "sante", "digital", "health", "action", "actions", "mesure",
  "mesures", "measure", "measures", "feuille", "feuilles", "route", "roadmap", "roadmaps", "priorite", "priorites",
  "parle", "parlent", "prevoit", "prevoient", "quelle", "quelles", "quel", "quels", "concerne", "trouve", "texte",
  "textes", "fdr", "fdrs", "aujourdhui", "aujourd", "hui", "actuellement", "maintenant", "desormais", "today", "now",
  "nowadays", "currently", "sert", "servent", "servir",
  // Asking which group an action is in ("rattaché à quelle orientation"): the known questions asked that way, not the topic.
  "appartient", "appartiennent", "rattache", "rattachee", "rattaches", "rattachees", "belongs", "belong",
]);

// ---------------------------------------------------------------- asking for help

/** Months and days, capitalised in English ("the previous November"): no name of anything the texts lack. */
export const CALENDAR_NAMES: ReadonlySet<string> = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/** A greeting or a question about the assistant itself. */
export const ASKS_HELP = anyOf([
  "aide", "help", "que sais-tu faire", "que sais tu faire", "tu sers a quoi", "tu fais quoi", "comment ca marche",
  "comment tu marches", "what can you do", "how does it work", "how do you work", "who are you", "qui es-tu",
  "qui es tu", "t'es qui", "mode d'emploi", "usage", "exemples", "examples",
]);
export const GREETINGS = anyOf([
  "bonjour", "hello", "salut", "coucou", "hi", "hey", "merci", "thanks", "thank you", "bonsoir", "bon week-end", "bon weekend",
  "bon lundi", "bon mardi", "bon mercredi", "bon jeudi", "bon vendredi", "bonne fin de semaine", "bonne fin de journee", "a toi",
  "bonne journee", "bonne soiree", "bonne semaine", "bonnes vacances", "bonne annee", "bonnes fetes", "have a nice day",
  "have a good weekend", "have a nice weekend", "good morning", "good evening",
]);

// ---------------------------------------------------------------- safety

/** Attempts to make the assistant drop its rules, reveal its set-up, or answer from beyond its texts. */
export const INJECTION: readonly RegExp[] = [
  /(?<!\b(?:qui|il|elle|on|ils|elles|s') )\b(ignore|oublie|oubliez|ignorez|ne tiens pas compte|fais abstraction)\b.{0,40}\b(instructions?|consignes?|regles?|rules|prompt|directives?|precedent|previous|above|tout ce qui|sources?|citations?|corpus|documents?|textes?|filtres?)/,
  /(?<!\b(?:who|which|that|it|he|she|they) )\b(ignore|disregard|forget|override)\b.{0,30}\b(instructions?|rules|prompt|above|previous|system|guidelines|sources?|corpus|documents?|filters?)/,
  /\b(system prompt|prompt systeme|invite systeme|tes instructions|your instructions|tes consignes|ton prompt|your prompt|tes regles|your rules|instructions cachees|hidden instructions|instructions were you given|instructions as-tu recues)\b/,
  /\b(tu es (maintenant|desormais|un|une)|you are now|you're now|(?:^|\byou (?:are|will|must|should|can) |\bplease )act as|act as if|pretend (?:to be|you|that|the)|fais comme si|fais semblant|imagine que tu es|(?:^|\btu |\bvous |peux-tu |pourrais-tu |je veux que tu |tu peux |tu pourrais |tu veux )(?:joue|joues|jouer|jouez) le role|play the role|let's play|jouons a|roleplay|role-play|mode developpeur|developer mode|mode debug|debug mode|mode admin|admin mode|jailbreak|\bdan\b|sans (aucune )?restriction|no restrictions|unrestricted|no rules|sans regles)/,
  /\b(revele|affiche|montre|donne|print|reveal|show|dump|display|list|repete|repeat|recopie|copie|quote|translate|traduis)\b.{0,50}\b(configuration|config|cle d.?api|api key|token|jeton|secret|mot de passe|password|variables? d.?environnement|environment variables?|env vars?|instructions|consignes|chemins|prompt)\b/,
  /\b(repete|recopie|repeat|copy)\b.{0,30}\b(au-dessus|au dessus|above|mot pour mot|verbatim|word for word)/,
  /\b(desactive|desactiver|disable|turn off|coupe)\b.{0,30}\b(filtres?|regles?|restrictions?|filters?|rules|safety|securite|garde-fous)\b/,
  /\b(sans (citer|citation|source|mentionner|reference)s?|without (any )?(citing|citations?|sources?|references?)|pas de sources?|no sources?)\b/,
  /\b(invente|inventer|invent|make up|hallucinate|fabrique|fabricate)\b.{0,30}\b(reponse|citations?|sources?|chiffres?|answer|facts?|references?|figures?|numbers?)\b/,
  /\b(reponds|answer|repond)\s+(uniquement|seulement|toujours|only|always)\b.{0,20}['"«]/,
  /\b(ce que tu sais d.?internet|from the internet|de ta propre connaissance|from your own knowledge|ton avis perso|your own opinion|your personal opinion)\b/,
  /(^|\n|\.\s)\s*(system|systeme|assistant)\s*:|\bsystem\s*:|\bnouvelles? (consignes?|instructions?)\b|\bnew instructions?\b|\bje suis (l'admin|l'administrateur|le developpeur)|\b(en tant que|as the) (developpeur|admin|developer|administrator)\b/,
];

/** Symptoms, conditions, drugs and doses: a person's health, not a plan's. */
export const HEALTH_COMPLAINT = anyOf([
  "douleur", "douleurs", "mal au", "mal a la", "mal aux", "mal au dos", "mal a la tete", "fievre", "tousse", "toux",
  "vertige", "vertiges", "migraine", "migraines", "plaques", "gratte", "grattent", "demangeaisons", "gonfle", "enfle",
  "s'infecte", "infectee", "brulure", "brulures", "wound", "wounds",
  "antigrippal", "antigrippale", "plaie chronique", "plaies chroniques", "zona", "rougeole", "coqueluche", "tetanos",
  "pneumocoque", "papillomavirus", "hepatite", "shingles", "measles",
  "rhume", "covid", "grippe", "angine", "allergie", "allergique", "cholesterol", "glycemie", "tension", "hypertension",
  "pression arterielle", "diabete", "diabetique", "enceinte", "grossesse", "avc", "infarctus", "symptome", "symptomes",
  "kilos", "insomnie", "dors mal", "fatigue", "nausee", "nausees", "ibuprofene", "paracetamol", "doliprane",
  "antibiotique", "antibiotiques", "antidepresseurs", "antidepresseur", "melatonine", "medicament", "medicaments",
  "dose", "posologie", "contagieux", "contagieuse", "blood pressure", "heart rate", "headache", "cough", "rash",
  "fever", "pain", "dizzy", "pregnant", "diabetic", "diabetes", "antibiotics", "medication", "painkiller", "sore",
  "flu", "symptoms", "infection", "cancer", "asthme", "asthma", "poumons", "regime", "vaccin", "vaccins", "vacciner",
  "vaccinee", "vaccine", "vaccines", "vaccination", "rappel du vaccin", "vaccinated",
]);
/** Asking what to do, whether it is serious or normal: advice. */
export const ASKS_ADVICE = /\b(examens?|traitements?|analyses?|depistages?|soigner|on soigne|comment soigne|faut-il faire|faut-il prendre|est-ce grave|c.?est grave|c grave|grave docteur|consulter|je fais quoi|que faire|quoi faire|dois-je|doit-il|doit-elle|je dois|je peux|peut-on prendre|prendre|tu me conseilles|vous me conseillez|c.?est normal|c normal|est-ce normal|comment savoir si|combien de temps|glace ou chaud|m'inquieter|treatment|medications?|medicine|is it serious|see a doctor|what should i|should i|can i|could it be|is it normal|what's a normal|whats a normal)\b/;
/**
 * Clinical care asked, whoever it is for: symptoms, disinfecting a wound, a vaccination
 * recommendation ("comment désinfecter une plaie chez un patient diabétique ?").
 */
export const CLINICAL_CARE = /\b(desinfecter|desinfection|panser|pansement|posologie|symptomes? (?:du|de la|de l'|des|d'une?|de)|signes cliniques|recommandations? (?:de )?vaccin\w*|vaccination antigrippale|vaccins? contre|vaccine against|vaccines? for)(?![a-z])/;
/** Words of the digital services and plans: a question that has them asks about those, not about care. */
export const DIGITAL_TOPIC = /\b(numerique|e-sante|esante|logiciels?|applis?|applications?|plateformes?|dossiers?|espace sante|teleconsult\w*|telesante|telemedecine|telesurveillance|feuilles? de route|fdr|roadmap|actions?|mesures?|strategie|donnees|en ligne|informations?|prevoit|prevu|prevue|prevus)\b/;
/** The person or their family: "je", "mon fils", "I'm", "my". */
export const PERSONAL = /(^|\s)(je|j'|jai|g|moi|mon|ma|mes|i|i'm|im|my|me)\s|\b(mon fils|ma fille|mon enfant|ma mere|mon pere|mon mari|ma femme|un enfant de|someone my age)\b/;
/** A question about patients, or about plans, what they provide and their tools, is a professional's. */
export const ABOUT_OTHERS = /\b(patients?|usagers?|residents?|clients?|beneficiaires?|parents|nourrissons?|feuilles? de route|fdr|roadmap|action|mesure|strategie|numerique|e-sante|esante|espace sante|dossier|carnets?|logiciels?|applis?|plateformes?|prevue?s?|national)\b/;

/** Asking the assistant to write something the texts are not: a poem, a letter, code, a translation. */
export const WRITE_REQUEST: readonly RegExp[] = [
  /\b(ecris|ecrivez|ecrire|redige|redigez|rediger|compose|genere|generer|write|draft|generate|fais moi|fais-moi|fait moi|donne-moi|donne moi|give me|cree|create)\b[^?.!]{0,60}\b(poemes?|poesie|chansons?|blagues?|histoires?|contes?|lettre de motivation|cv|mails?|e-mails?|emails?|courriers?|courriels?|lettres?|code|script|requetes?|sql|regex|expression reguliere|formule|excel|fonction|python|javascript|poems?|songs?|jokes?|stor(y|ies)|cover letter|letter|query|function|haiku|slogan|tweet|post|linkedin|discours|speech|dissertation|essay|recette|recipe)\b/,
  /\b(traduis|traduisez|traduire|translate)\b[^?]{0,30}(:|«|"|')/,
  /\b(resume|resumer|resumes|summari[sz]e)\b[^?]{0,60}\b(article|texte|text)\b[^?]{0,60}\b(ci-dessous|colle|collee|below|pasted|du monde|de presse)\b|\[(article|texte) colle/,
];

// ---------------------------------------------------------------- places that are not covered

/** People of another place and what they do: "ils", "chez eux", "their". */
export const THERE = "(?:leur|leurs|chez eux|their)";
/** Whose plan: "la stratégie de l'Allemagne", "Germany's plan". */
export const PLAN_OF = "(?:strategies?|feuilles? de route|fdr|plans?|politiques?|programmes?|roadmaps?|strateg(?:y|ies)|polic(?:y|ies)|budget|budgets)";

/** Three-letter words that an acronym in capitals may be confused with: "ans", "mes" are words before they are acronyms. */
export const COMMON_SHORT_WORDS: ReadonlySet<string> = new Set(["ans", "mes", "ses", "tes", "nos", "vos", "ont", "est", "les", "des", "une", "par", "pas", "son", "sur", "the", "and", "for", "per"]);

// ---------------------------------------------------------------- numbers

/** Number words, French and English, accents folded: units and tens add up, hundreds and scales multiply. */
export const NUMBER_UNITS: Readonly<Record<string, number>> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const NUMBER_HUNDRED: ReadonlySet<string> = new Set(["cent", "cents", "hundred", "hundreds"]);
export const NUMBER_SCALES: Readonly<Record<string, number>> = {
  mille: 1e3, thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, billion: 1e9, billions: 1e9,
};
export const NUMBER_CONNECTORS: ReadonlySet<string> = new Set(["et", "and"]);
/** "un", "une", "one" alone are articles or pronouns far more often than figures. */
export const NUMBER_WORDS_ALONE_NOT_FIGURES: ReadonlySet<string> = new Set(["un", "une", "one"]);
/** "à neuf", "de neuf", "tout neuf": the adjective "new", not nine. */
export const NEUF_AS_NEW_AFTER: ReadonlySet<string> = new Set(["a", "de", "du", "tout", "toute"]);
/** Every number word. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(NUMBER_UNITS), ...NUMBER_HUNDRED, ...Object.keys(NUMBER_SCALES)];

/** Ordinal words: "la deuxième", "third", "2e". */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  premier: 1, premiere: 1, "1er": 1, "1ere": 1, "1re": 1, first: 1, "1st": 1,
  deuxieme: 2, second: 2, seconde: 2, "2e": 2, "2eme": 2, "2nd": 2, "2d": 2,
  troisieme: 3, third: 3, "3e": 3, "3eme": 3, "3rd": 3,
  quatrieme: 4, fourth: 4, "4e": 4, "4eme": 4, "4th": 4,
  cinquieme: 5, fifth: 5, "5e": 5, "5eme": 5, "5th": 5,
  sixieme: 6, sixth: 6, "6e": 6, "6eme": 6, "6th": 6,
  septieme: 7, seventh: 7, "7e": 7, "7eme": 7, "7th": 7,
  huitieme: 8, eighth: 8, "8e": 8, "8eme": 8, "8th": 8,
  neuvieme: 9, ninth: 9, "9e": 9, "9eme": 9, "9th": 9,
  dixieme: 10, tenth: 10, "10e": 10, "10eme": 10, "10th": 10,
};
export const LAST_WORDS = anyOf(["dernier", "derniere", "last", "final", "finale"]);
/**
 * A body named with the definite article, as a pattern source to put before its name: "selon
 * l'ARS", "the ARS"; not after "à" ("à l'ARS": where one works or writes to).
 */
export const THE_BODY = String.raw`(?<!(?:^|\s)a\s)(?:(?<![a-z0-9])l'|\bthe\s+)`;
/** Possessives before a noun: "son lancement" is the launch of something already named. */
/** A roadmap by its common name ("la feuille de route", "the roadmap"), not a body's own ("sa feuille de route", "la feuille de route régionale"). */
export const A_ROADMAP = /(?<!(?:son|sa|ses|leur|leurs|its|their)\s)(?<![a-z0-9])(?:feuille de route|fdr|roadmap)(?![a-z0-9])(?!\s+(?:regionale?|regional))/;
/** Two things joined: "X et Y", "X and Y", "X vs Y". */
export const BOTH_JOINED = /(?<![a-z0-9])(?:et|and|vs|versus|ainsi que|as well as)(?![a-z0-9])/;
export const POSSESSIVE_BEFORE = /(?:^|\s)(?:son|sa|ses|leur|leurs|its|their)\s+$/;
/** Before a noun, a word that makes it one of many or the speaker's own: "une présentation", "ma présentation", "a launch". */
export const ONE_OF_MANY_BEFORE = /(?:^|\s)(?:un|une|des|ma|mon|mes|notre|nos|votre|vos|ta|ton|tes|a|an|my|our|your)\s+$/;
/** What a noun is of, right after it: "le lancement de la feuille de route", "the launch of the app". */
export const COMPLEMENT_AFTER = /^\s*(?:(?:de la|du|des|de|of the|of)\s+|de l'|d')([a-z0-9'-]+(?:\s+[a-z0-9'-]+){0,5})/;
/** The one before the last: "l'avant-dernière action", "the second-to-last action". */
export const PENULTIMATE_WORDS = anyOf(["avant-dernier", "avant-derniere", "avant dernier", "avant derniere", "penultimate", "second-to-last", "second to last", "next-to-last", "next to last"]);
/** "par quel axe commence…", "which axis does it open with": the first group. */
export const OPENS_WITH = anyOf(["commence", "commencent", "debute", "debutent", "s'ouvre", "ouvre", "begins", "starts", "opens"]);

/** Roman numerals people use for groups ("axe II"). */
export const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** The plural of a noun, French or English: "axe" → "axes", "axis" → "axes", "orientation" → "orientations". */
export function pluralOf(word: string): string {
  if (/is$/.test(word)) return `${word.slice(0, -2)}es`;
  if (/[sxz]$/.test(word)) return word;
  if (/(au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}
