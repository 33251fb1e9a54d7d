/** A mistake in the command line, as Node's `parseArgs` reports it (an unknown option, a missing value). */
export function isUsageError(error: unknown): error is TypeError {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
