/**
 * The UI's messages for a locale: `<locale>.json` holds the shared namespaces and the
 * register's; each larger area keeps its own file (`<area>.<locale>.json`) with its own
 * top-level namespaces. messages.test.ts checks that no namespace is defined twice and
 * that Swedish and English have the same keys.
 */
import type { Locale } from "../config";

export const messageAreas = ["assessment-page", "assessment-questions", "assessment-lists"] as const;

type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all([
    import(`./${locale}.json`),
    ...messageAreas.map((area) => import(`./${area}.${locale}.json`)),
  ]);
  return Object.assign({}, ...files.map((file: { default: Messages }) => file.default)) as Messages;
}
