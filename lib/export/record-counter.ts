import type { ExportFormat } from "@/lib/export/formats";

// Counts the events in an export as its text streams in, chunk by chunk, for the progress line.
// A few states per character, no parsing: a chunk may end anywhere, even inside a quoted cell.

export type RecordCounter = { push: (chunk: string) => void; readonly count: number };

/** CSV: a record ends at a line feed outside quotes ("" inside a cell toggles twice, harmlessly). */
function csvCounter(): RecordCounter {
  let lines = 0;
  let quoted = false;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 34) quoted = !quoted;
        else if (c === 10 && !quoted) lines++;
      }
    },
    get count() {
      return Math.max(0, lines - 1); // the header line is not an event
    },
  };
}

/** NDJSON: JSON escapes line feeds inside strings, so every raw line feed ends an event. */
function ndjsonCounter(): RecordCounter {
  let lines = 0;
  return {
    push(chunk) {
      for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines++;
    },
    get count() {
      return lines;
    },
  };
}

/** JSON array: an event ends where an object closes back to the array's depth, outside strings. */
function jsonCounter(): RecordCounter {
  let objects = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === "\\") escaped = true;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") {
          depth--;
          if (c === "}" && depth === 1) objects++;
        }
      }
    },
    get count() {
      return objects;
    },
  };
}

export function createRecordCounter(format: ExportFormat): RecordCounter {
  if (format === "csv") return csvCounter();
  if (format === "ndjson") return ndjsonCounter();
  return jsonCounter();
}
