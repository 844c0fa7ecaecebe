/**
 * Counting the records of a register export while it downloads, from the streamed text:
 * CSV records end with a line break outside quotes (the first line is the header); each JSON
 * record starts a line with two spaces and "{" (JSON.stringify(array, null, 2); nested
 * objects are indented further and line breaks in strings are escaped).
 */
export type StreamedFormat = "csv" | "json";

/** A counter fed the decoded text chunk by chunk; returns the records completed so far. */
export function exportRowCounter(format: StreamedFormat): (text: string) => number {
  let rows = 0;
  if (format === "csv") {
    let inQuotes = false;
    let lines = 0;
    return (text) => {
      for (const character of text) {
        if (character === '"') inQuotes = !inQuotes;
        else if (character === "\n" && !inQuotes) lines++;
      }
      rows = Math.max(0, lines - 1);
      return rows;
    };
  }
  let tail = "";
  return (text) => {
    const joined = tail + text;
    rows += joined.split("\n  {").length - 1;
    // Keep the end that could begin a marker split across chunks (never a whole marker).
    tail = joined.slice(-3);
    return rows;
  };
}
