/**
 * The text of a PDF, as pdf.js extracts it, for tests (unit and e2e) that check what a
 * generated report says. Items on one line are joined with a space, lines with "\n" and
 * pages with "\f".
 */
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

interface TextPiece {
  str: string;
  hasEOL: boolean;
}

function isTextPiece(item: unknown): item is TextPiece {
  return typeof item === "object" && item !== null && "str" in item && typeof item.str === "string";
}

function pageText(items: readonly unknown[]): string {
  let text = "";
  for (const item of items) {
    if (!isTextPiece(item)) continue;
    text += item.str + (item.hasEOL ? "\n" : " ");
  }
  return text;
}

/** The text of every page, in order. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The whole document's text; pages separated by a form feed ("\f"). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join("\f");
}
