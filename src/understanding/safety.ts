import { simplify } from "../language/french.js";
import { ABOUT_OTHERS, ASKS_ADVICE, CLINICAL_CARE, DIGITAL_TOPIC, HEALTH_COMPLAINT, INJECTION, PERSONAL, WRITE_REQUEST } from "../language/lexicon.js";

export function isInjection(question: string): boolean {
  const s = simplify(question);
  return INJECTION.some((re) => re.test(s));
}

/**
 * "J'ai mal au dos, je fais quoi ?", "quelle dose de paracétamol pour un enfant de 15 kilos ?":
 * someone's own health, a symptom or a drug, and a request for advice — not a professional's
 * question about patients or about the plans; and clinical care asked of anyone ("symptômes du
 * diabète ?", "désinfecter une plaie chez un patient"), where no digital service is named.
 */
export function isPersonalMedicalQuestion(question: string): boolean {
  const s = simplify(question);
  if (HEALTH_COMPLAINT.test(s) && CLINICAL_CARE.test(s) && !DIGITAL_TOPIC.test(s)) return true;
  return HEALTH_COMPLAINT.test(s) && (ASKS_ADVICE.test(s) || PERSONAL.test(` ${s} `)) && !ABOUT_OTHERS.test(s);
}

/** "Écris un poème", "write a SQL query", "traduis : « … »": something to produce, which no text answers. */
export function isWritingRequest(question: string): boolean {
  const s = simplify(question);
  return WRITE_REQUEST.some((re) => re.test(s));
}
