import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { FeedbackStore } from "../storage/feedback-store.js";

const USAGE = `usage: npm run feedback -- [--export FICHIER]
  sans option : le nombre de retours enregistrés depuis Slack
  --export FICHIER : écrit les réponses jugées « Pas utile » en lignes candidates pour evals/dataset.jsonl (à relire avant ajout)`;

/** `npm run feedback`: the clicks stored from Slack, counted or exported as candidate evaluation lines. */
export function feedbackCommand(argv: readonly string[], openStore: () => FeedbackStore): number {
  const { values } = parseArgs({ args: [...argv], options: { export: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const store = openStore();
  try {
    if (values.export) {
      const lines = store.candidates();
      writeFileSync(resolve(values.export), lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
      process.stdout.write(`${lines.length} ligne(s) candidate(s) écrite(s) dans ${values.export} : relisez expected, kind et must_mention avant de les ajouter au jeu d'évaluation.\n`);
    } else {
      const clicks = store.feedback();
      const negative = clicks.filter((c) => c.rating === "negative").length;
      process.stdout.write(`${clicks.length} retour(s) : ${clicks.length - negative} « Utile », ${negative} « Pas utile » ; ${store.candidates().length} réponse(s) à relire.\n`);
    }
  } finally {
    store.close();
  }
  return 0;
}
