import { describe, expect, it } from "vitest";
import { loadMessages } from "../i18n/messages";
import { problemCodes } from "./problem-codes";

type Messages = { [key: string]: string | Messages };

/** The UI's messages as the app loads them (every area's file, "Problems" merged). */
async function messagesOf(locale: "sv" | "en"): Promise<Messages> {
  return (await loadMessages(locale)) as Messages;
}

/** The message at a dotted path, as the UI looks a code up under "Problems". */
function messageAt(messages: Messages, path: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Every leaf under a namespace, as dotted paths. */
function leaves(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe("problem codes", () => {
  it("are unique and shaped <area>.<rule>", () => {
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
    for (const code of problemCodes) expect(code).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  for (const locale of ["sv", "en"] as const) {
    it(`each has a message in ${locale}, and no message lacks a code`, async () => {
      const problems = (await messagesOf(locale)).Problems;
      expect(typeof problems).toBe("object");
      const namespace = problems as Messages;
      const missing = problemCodes.filter((code) => !messageAt(namespace, code)?.trim());
      expect(missing).toEqual([]);
      expect(leaves(namespace).filter((key) => !(problemCodes as readonly string[]).includes(key))).toEqual([]);
    });
  }
});
