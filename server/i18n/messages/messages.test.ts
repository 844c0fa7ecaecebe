import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadMessages, messageAreas, SHARED_NAMESPACE } from "./index";

type Messages = { [key: string]: string | Messages };

const read = (name: string): Messages =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}.json`, import.meta.url)), "utf8")) as Messages;

function leaves(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe("UI messages", () => {
  it("defines each top-level namespace (and each area under Problems) in one file only", () => {
    for (const locale of ["sv", "en"]) {
      const files = [locale, ...messageAreas.map((area) => `${area}.${locale}`)].map(read);
      const names = files.flatMap((file) => Object.keys(file)).filter((name) => name !== SHARED_NAMESPACE);
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
      const areas = files.flatMap((file) => Object.keys((file[SHARED_NAMESPACE] as Messages | undefined) ?? {}));
      expect(areas.filter((name, index) => areas.indexOf(name) !== index)).toEqual([]);
    }
  });

  it("has the same keys in Swedish and English", async () => {
    const sv = leaves((await loadMessages("sv")) as Messages).sort();
    const en = leaves((await loadMessages("en")) as Messages).sort();
    expect(sv.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !sv.includes(key))).toEqual([]);
  });
});

describe("audit log labels", () => {
  it("name every entity type and action in both languages", async () => {
    const { auditAction, auditEntityType } = await import("../../domain/audit/audit");
    for (const locale of ["sv", "en"] as const) {
      const audit = (await loadMessages(locale)).Audit as Messages;
      const types = audit.entityTypes as Messages;
      const actions = audit.actions as Messages;
      expect(auditEntityType.options.filter((type) => typeof types[type] !== "string")).toEqual([]);
      const missing = auditAction.options.filter((action) => {
        const [entity, verb] = action.split(".") as [string, string];
        return typeof (actions[entity] as Messages | undefined)?.[verb] !== "string";
      });
      expect(missing).toEqual([]);
    }
  });
});
