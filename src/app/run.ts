import { ConfigError } from "../config/env.js";
import { CorpusError } from "../corpus/errors.js";
import { isUsageError } from "../cli/usage-error.js";
import { SetupError } from "./errors.js";

/**
 * Runs a command's main function: known failures (configuration, corpus, set-up, a mistyped
 * option) print their message alone and exit 1; anything else prints the error and exits 2.
 */
export function run(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof CorpusError || error instanceof SetupError || isUsageError(error)) {
        process.stderr.write(`fdr-santé: ${error.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`fdr-santé: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        process.exitCode = 2;
      }
    },
  );
}
