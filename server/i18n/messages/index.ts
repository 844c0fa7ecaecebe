/**
 * The UI's messages for a locale: `<locale>.json` holds the shared namespaces and the
 * register's; each larger area keeps its own file (`<area>.<locale>.json`) with its own
 * top-level namespaces, and may add its problem codes' messages under "Problems" (merged).
 * messages.test.ts checks that no namespace is defined twice and that Swedish and English
 * have the same keys.
 */
import type { Locale } from "../config";

export const messageAreas = [
  "assessment-page",
  "assessment-questions",
  "assessment-lists",
  "procurement",
  "suppliers",
  "responsibilities",
  "overview",
  "publication",
  "open-data",
] as const;

/** The one namespace every area may add to (its own sub-objects only). */
export const SHARED_NAMESPACE = "Problems";

type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all([
    import(`./${locale}.json`),
    ...messageAreas.map((area) => import(`./${area}.${locale}.json`)),
  ]);
  const merged: Messages = {};
  for (const { default: messages } of files as { default: Messages }[]) {
    for (const [namespace, value] of Object.entries(messages)) {
      merged[namespace] =
        namespace === SHARED_NAMESPACE ? { ...(merged[namespace] as Messages | undefined), ...(value as Messages) } : value;
    }
  }
  return merged;
}
