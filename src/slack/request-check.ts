import { parse as parseQuery } from "node:querystring";
import { isValidSlackRequest } from "@slack/bolt";

/** Slack signs a request with its timestamp; Bolt refuses those older than this, and so are refused those as far ahead. */
const MAX_SKEW_S = 5 * 60;

export type Screening = { pass: true } | { pass: false; status: 400 | 401; reason: "future timestamp" | "malformed body" };

export interface RawRequest {
  contentType: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

function isRecord(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether Bolt can read the body as it does (HTTPModuleFunctions.parseHTTPRequestBody): a form
 * whose `payload`, if any, is a JSON object, or a JSON object. Bolt parses without checking the
 * shape, and a signed `null` then throws inside its receiver, where nothing catches it.
 */
export function readableBody(contentType: string | undefined, body: string): boolean {
  try {
    if (contentType === "application/x-www-form-urlencoded") {
      const { payload } = parseQuery(body);
      return typeof payload === "string" ? isRecord(JSON.parse(payload)) : payload === undefined;
    }
    return isRecord(JSON.parse(body));
  } catch {
    return false;
  }
}

/**
 * What the events route checks before Bolt sees a request: a timestamp more than 5 minutes ahead
 * is refused like a stale one (401: Bolt checks only the past), and a body Bolt cannot read gets
 * 400 when it is correctly signed (401 otherwise, as Bolt would say). Anything else goes on to
 * Bolt, which checks the signature.
 */
export function screenRequest(request: RawRequest, signingSecret: string, nowMs: number = Date.now()): Screening {
  const timestamp = Number(request.timestamp);
  if (Number.isFinite(timestamp) && timestamp > Math.floor(nowMs / 1000) + MAX_SKEW_S) return { pass: false, status: 401, reason: "future timestamp" };
  if (readableBody(request.contentType, request.body)) return { pass: true };
  const signed =
    request.signature !== undefined &&
    isValidSlackRequest({
      signingSecret,
      body: request.body,
      headers: { "x-slack-signature": request.signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowMs,
    });
  return { pass: false, status: signed ? 400 : 401, reason: "malformed body" };
}
