import { CSV_BOM, CSV_COLUMNS } from "@/lib/export/csv";
import type { ExportFormat } from "@/lib/export/formats";

// Reads an export back, for the tests that check a file against the proxy's pages and the table.
// A strict reader: anything RFC 4180 does not allow is an error, not a guess.

/** RFC 4180 records (CRLF-terminated, quoted fields with doubled quotes), BOM dropped. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < input.length) {
    let cell = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        const close = input.indexOf('"', i);
        if (close === -1) throw new Error("Unterminated quoted cell");
        cell += input.slice(i, close);
        i = close + 1;
        if (input[i] !== '"') break;
        cell += '"';
        i++;
      }
    } else {
      const end = input.slice(i).search(/[,\r\n"]/);
      const stop = end === -1 ? input.length : i + end;
      if (input[stop] === '"') throw new Error(`A quote inside an unquoted cell at ${stop}`);
      cell = input.slice(i, stop);
      i = stop;
    }
    record.push(cell);
    if (input[i] === ",") {
      i++;
    } else if (input.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`Expected "," or CRLF at ${i}`);
    }
  }
  if (record.length > 0) throw new Error("The last record has no CRLF");
  return records;
}

/** Undoes the formula-injection guard, to compare a cell with the value it came from. */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export type ExportedRecord = Record<string, unknown>;

/** The records of an export: CSV rows keyed by column, or the JSON objects as they are. */
export function parseExport(format: ExportFormat, text: string): ExportedRecord[] {
  if (format === "json") {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) throw new Error("A JSON export is one array");
    return value;
  }
  if (format === "ndjson") {
    if (text !== "" && !text.endsWith("\n")) throw new Error("The last NDJSON line has no line feed");
    return text
      .split("\n")
      .slice(0, -1)
      .map((line) => JSON.parse(line));
  }
  const [header, ...rows] = parseCsv(text);
  if (header?.join(",") !== CSV_COLUMNS.join(",")) throw new Error(`Unexpected CSV header: ${header?.join(",")}`);
  return rows.map((row) => {
    if (row.length !== CSV_COLUMNS.length) throw new Error(`A CSV row has ${row.length} cells`);
    return Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]]));
  });
}
