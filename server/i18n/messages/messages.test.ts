import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadMessages, messageAreas } from "./index";

type Messages = { [key: string]: string | Messages };

const read = (name: string): Messages =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}.json`, import.meta.url)), "utf8")) as Messages;

function leaves(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe("UI messages", () => {
  it("defines each top-level namespace in one file only", () => {
    for (const locale of ["sv", "en"]) {
      const names = [locale, ...messageAreas.map((area) => `${area}.${locale}`)].flatMap((file) => Object.keys(read(file)));
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    }
  });

  it("has the same keys in Swedish and English", async () => {
    const sv = leaves((await loadMessages("sv")) as Messages).sort();
    const en = leaves((await loadMessages("en")) as Messages).sort();
    expect(sv.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !sv.includes(key))).toEqual([]);
  });
});
