import { corpusCommand } from "../../cli/corpus.js";
import { loadConfig } from "../../config/env.js";
import { run } from "../run.js";

run(async () => corpusCommand(process.argv.slice(2), loadConfig()));
