/**
 * Whether a comment, justification or subject says something in words: at least three words of
 * two letters or more, not all the same. An empty text, "…", "test" or "ok ok ok" does not.
 */
export function isRealSentence(text: string | null | undefined): boolean {
  const words = (text ?? "").toLowerCase().match(/\p{L}{2,}/gu) ?? [];
  return words.length >= 3 && new Set(words).size >= 2;
}
