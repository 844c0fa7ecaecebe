import { type MatchExtended, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";
import { z } from "zod";

/**
 * What a new password must satisfy, after NIST SP 800-63B (5.1.1.2): a minimum length,
 * a generous maximum, every character allowed (spaces and non-ASCII too), no composition
 * rules, and a refusal of passwords that are common, breached or easy to guess from
 * dictionaries, keyboard patterns, sequences, dates or the person's own name and email.
 * The same schema runs in the browser (as the user types) and on the server.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * zxcvbn's top score, about 10^10 guesses or more. Score 3 (10^8) still lets through the
 * patterns found first in breach corpora, such as "Welcome2024!!" and "Stockholm2024!";
 * at 10^10 those are refused while passphrases and random strings of 12 pass.
 */
const MINIMUM_SCORE = 4;

/** Words specific to this service, which NIST names as context a password must not be built on. */
const SERVICE_WORDS = ["tillit"];

/**
 * zxcvbn ships no Swedish dictionary: these are the Swedish words that top leaked Swedish
 * password lists (seasons, months, places, "lösenord" itself), with and without å, ä, ö.
 */
const SWEDISH_COMMON_WORDS = [
  "lösenord", "losenord", "hemligt", "hemlig", "välkommen", "valkommen", "hejsan", "hejhej", "sverige", "svenska",
  "stockholm", "göteborg", "goteborg", "malmö", "malmo", "uppsala", "kommun", "kommunen", "region", "regionen",
  "myndighet", "myndigheten", "sommar", "sommaren", "vinter", "vintern", "hösten", "hosten", "våren", "varen",
  "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
  "måndag", "mandag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "lordag", "söndag", "sondag",
  "kärlek", "karlek", "älskar", "alskar", "fotboll", "hockey", "hammarby", "djurgården", "djurgarden", "katten", "hunden",
];

/** Tokens shorter than this are too short to matter and would match inside unrelated words. */
const SHORTEST_USER_INPUT_TOKEN = 3;

export const passwordMessages = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  containsPersonalInformation: "must not be based on your name or email address; use a longer passphrase",
  tooGuessable: "is too common or easy to guess; use a longer passphrase, such as four or five unrelated words",
} as const;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a new password. `userInputs` are the person's own details (email address,
 * name): a password built on them is refused with a message that says so.
 */
export function checkNewPassword(password: string, userInputs: string[] = []): PasswordCheck {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, message: passwordMessages.tooShort };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, message: passwordMessages.tooLong };

  const result = estimator().check(password, personalWords(userInputs));
  if (result.score >= MINIMUM_SCORE) return { ok: true };
  const usesPersonalInformation = result.sequence.some(isPersonalWordMatch);
  return {
    ok: false,
    message: usesPersonalInformation ? passwordMessages.containsPersonalInformation : passwordMessages.tooGuessable,
  };
}

/** A new password, when whose it is does not matter (or is checked separately with checkNewPassword). */
export const newPasswordSchema = z.string().superRefine((password, context) => {
  const check = checkNewPassword(password);
  if (!check.ok) context.addIssue({ code: "custom", message: check.message });
});

/** NIST counts each Unicode code point as one character, so "å" or an emoji is one, not two. */
function characterCount(value: string): number {
  return Array.from(value).length;
}

/** The person's details, whole and split into the words a password might reuse. */
export function personalWords(userInputs: string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const normalised = input.trim().toLowerCase();
    if (normalised === "") continue;
    words.add(normalised);
    for (const token of normalised.split(/[^\p{L}\p{N}]+/u)) {
      if (token.length >= SHORTEST_USER_INPUT_TOKEN) words.add(token);
    }
  }
  return [...words];
}

function isPersonalWordMatch(match: MatchExtended): boolean {
  return "dictionaryName" in match && match.dictionaryName === "userInputs";
}

let cachedEstimator: ZxcvbnFactory | undefined;

/**
 * Built on first use: ranking the dictionaries takes a moment and they are large.
 * Levenshtein matching stays off: it made each check about ten times slower (several
 * hundred milliseconds), too slow to run as the user types.
 */
function estimator(): ZxcvbnFactory {
  cachedEstimator ??= new ZxcvbnFactory({
    dictionary: {
      ...commonDictionary,
      ...englishDictionary,
      "swedish-common": SWEDISH_COMMON_WORDS,
      service: SERVICE_WORDS,
    },
    graphs: adjacencyGraphs,
    maxLength: PASSWORD_MAX_LENGTH,
  });
  return cachedEstimator;
}
