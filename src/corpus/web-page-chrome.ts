import { simplify } from "../language/french.js";

/**
 * What a web page shows around its text, as it comes out of a copy of the page: the words of its
 * buttons, field labels and navigation, not of any document. Data about web pages in general, kept
 * in one place; compared lowercase, without accents and without punctuation.
 */
const CHROME_LINES = [
  // content-management field labels
  "article", "visuel", "image", "photo", "video", "legende", "corps de texte", "chapo", "texte", "contenu",
  "pieces jointes", "fichiers joints", "documents joints",
  // sharing and page tools
  "partager", "partagez", "partager cet article", "partagez cet article", "partager la page", "partagez cette page",
  "imprimer", "imprimer la page", "imprimer cette page", "envoyer par mail", "envoyer par e-mail", "copier le lien", "lien copie",
  "facebook", "twitter", "x", "linkedin", "bluesky", "mastodon", "email", "e-mail", "mail",
  "telecharger", "telecharger le document", "telecharger le pdf",
  // navigation
  "sommaire", "sommaire de l'article", "sommaire de la page", "menu", "fermer", "rechercher", "recherche",
  "retour", "retour a la liste", "retour en haut", "retour en haut de page", "haut de page",
  "precedent", "suivant", "article precedent", "article suivant", "lire la suite",
  "plan du site", "mentions legales", "accessibilite", "donnees personnelles", "gestion des cookies",
  "newsletter", "s'abonner", "abonnez-vous", "accepter", "refuser", "tout accepter", "tout refuser",
].map(key);

/** Lines that start like these are page metadata: dates, credits, reading time. */
const CHROME_STARTS = [
  "mis a jour le", "mise a jour le", "derniere mise a jour", "publie le", "date de publication", "date de mise a jour",
  "credit photo", "credits photo", "credit :", "credits :", "copyright", "photo :", "photos :", "illustration :",
  "temps de lecture", "partager sur", "partagez sur",
].map((s) => simplify(s));

/** Separators of a breadcrumb: "Accueil > Nos actions > E-santé"; "/" and "|" only after "Accueil". */
const BREADCRUMB = /\s[>›»]\s/u;
const BREADCRUMB_AFTER_HOME = /\s[>›»|/]\s/u;
const BREADCRUMB_HOME = /^(?:accueil|home|vous etes ici)\b/;

/**
 * First words of the job title in a photo caption ("Claire Martin, directrice de la stratégie"):
 * general French and English job words, with an optional article before them.
 */
const JOB_WORDS = [
  "directeur", "directrice", "president", "presidente", "vice-president", "vice-presidente", "ministre", "secretaire",
  "delegue", "deleguee", "responsable", "chef", "cheffe", "charge", "chargee", "conseiller", "conseillere",
  "coordinateur", "coordinatrice", "adjoint", "adjointe", "docteur", "professeur", "medecin", "infirmier", "infirmiere",
  "pharmacien", "pharmacienne", "maire", "depute", "deputee", "senateur", "senatrice", "prefet", "prefete",
  "administrateur", "administratrice", "manager", "ingenieur", "ingenieure", "chercheur", "chercheuse", "porte-parole",
  "fondateur", "fondatrice", "cofondateur", "cofondatrice", "dg", "dga", "pdg", "ceo", "cto", "cio", "dsi", "rssi",
  "director", "head", "chief", "officer", "minister", "doctor", "nurse", "founder",
];
const JOB = new RegExp(`^(?:(?:le|la|l'|the)\\s*)?(?:${JOB_WORDS.map((w) => w.replace(/-/g, "\\-")).join("|")})\\b`);

/** "Claire Martin", "Dr Jean-Paul Le Goff", "Marie de La Tour": two to four capitalised words. */
const PERSON = /^(?:(?:Dr|Pr|Me|M\.|Mme|Mr|Mrs|Ms)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:de|du|des|d'|d’|van|von|da|di)\s*)?\p{Lu}[\p{L}'’-]+){1,3}$/u;
const CAPTION_MAX = 140;

function key(text: string): string {
  return simplify(text)
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LINES = new Set(CHROME_LINES);

/** A line that is the page's furniture: a button, a field label, a date or credit line, a breadcrumb, a rule. */
export function isChrome(text: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (text.startsWith("©")) return true;
  if (LINES.has(key(text))) return true;
  const simple = simplify(text).trim();
  if (CHROME_STARTS.some((s) => simple.startsWith(s))) return true;
  return isBreadcrumb(simple);
}

function isBreadcrumb(simple: string): boolean {
  const home = BREADCRUMB_HOME.test(simple);
  const parts = simple.split(home ? BREADCRUMB_AFTER_HOME : BREADCRUMB);
  if (parts.length < (home ? 2 : 3)) return false;
  return parts.every((p) => p.trim().length > 0 && p.length <= 60);
}

/** A photo caption: a person's name, a comma, a job title; short, and no sentence. */
export function isCaption(text: string): boolean {
  if (text.length > CAPTION_MAX || /[.!?:;…]$/.test(text)) return false;
  const comma = text.indexOf(",");
  if (comma < 0) return false;
  return PERSON.test(text.slice(0, comma).trim()) && JOB.test(simplify(text.slice(comma + 1)).trim());
}
