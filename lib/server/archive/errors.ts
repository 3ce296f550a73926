import "server-only";

// The archive's failures as data: the route wrapper (lib/server/merge/errors.ts mapError) turns
// them into our one JSON error shape. `message` is for the log; the response words come from the code.

export type ArchiveErrorCode = "archive_unavailable" | "invalid_cursor";

export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;

  constructor(code: ArchiveErrorCode, logMessage: string, options?: { cause?: unknown }) {
    super(logMessage, options);
    this.name = "ArchiveError";
    this.code = code;
  }
}

/** A setting that keeps the archive from opening at all: reported at start, naming the variable. */
export class ArchiveStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ArchiveStartupError";
  }
}

/** Any failure of the database itself becomes archive_unavailable; ours pass through unchanged. */
export function asArchiveError(error: unknown): Error {
  if (error instanceof ArchiveError || error instanceof ArchiveStartupError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ArchiveError("archive_unavailable", `The archive's database failed: ${reason}`, { cause: error });
}
