/**
 * The longest question answered, on every surface. Slack's own limit is 40,000; beyond a few
 * paragraphs a message is not a question any more, and searching it would only cost time.
 */
export const MAX_QUESTION_CHARS = 4000;
