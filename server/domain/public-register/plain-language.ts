/**
 * A Swedish plain-language check of a public text: LIX (läsbarhetsindex: words per
 * sentence plus the share of words longer than six letters) and sentence length, with the
 * longest sentences marked. Advice only: publishing is never blocked by it.
 */

export type LixLevel = "VERY_EASY" | "EASY" | "MEDIUM" | "HARD" | "VERY_HARD";

export interface PlainLanguageReport {
  words: number;
  sentences: number;
  lix: number;
  level: LixLevel;
  averageSentenceLength: number;
  /** Sentences over LONG_SENTENCE words, longest first (at most three). */
  longSentences: { text: string; words: number }[];
  /** True when the text would be easier to read with shorter sentences or words. */
  advise: boolean;
}

/** Sentences longer than this many words are marked. */
export const LONG_SENTENCE = 25;
/** Above this LIX a text counts as harder than ordinary news prose. */
export const ADVISED_LIX = 45;

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}-]+/u).filter((word) => /\p{L}|\p{N}/u.test(word));
}

/** Sentences end at . ! ? or a line break; abbreviations like "t.ex." are not split on. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\b(t\.ex|bl\.a|m\.m|s\.k|d\.v\.s|dvs|osv|jfr|resp|ca|kap|st|nr)\./giu, (match) => match.replace(/\./g, "\u2024"))
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.replace(/\u2024/g, ".").trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

export function lixLevel(lix: number): LixLevel {
  if (lix < 30) return "VERY_EASY";
  if (lix < 40) return "EASY";
  if (lix < 50) return "MEDIUM";
  if (lix < 60) return "HARD";
  return "VERY_HARD";
}

/** The report for one text; null for an empty one. */
export function plainLanguageReport(text: string | null | undefined): PlainLanguageReport | null {
  const sentences = sentencesOf(text ?? "");
  const words = sentences.flatMap(wordsOf);
  if (words.length === 0) return null;
  const longWords = words.filter((word) => word.replace(/-/g, "").length > 6).length;
  const lix = Math.round(words.length / sentences.length + (longWords * 100) / words.length);
  const lengths = sentences.map((sentence) => ({ text: sentence, words: wordsOf(sentence).length }));
  const longSentences = lengths
    .filter((sentence) => sentence.words > LONG_SENTENCE)
    .sort((a, b) => b.words - a.words)
    .slice(0, 3);
  return {
    words: words.length,
    sentences: sentences.length,
    lix,
    level: lixLevel(lix),
    averageSentenceLength: Math.round((words.length / sentences.length) * 10) / 10,
    longSentences,
    advise: lix > ADVISED_LIX || longSentences.length > 0,
  };
}
