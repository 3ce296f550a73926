import "server-only";

import { explorerUrl, readExplorerUrl } from "@/lib/explorer-url";
import { ApiError } from "@/lib/server/api-error";
import { asArchiveError } from "@/lib/server/archive/errors";

import { ViewForbiddenError, ViewNameTakenError, ViewNotFoundError } from "./views-store";

// What the views routes share: the filters a view keeps, and the views store's refusals in the
// API's vocabulary.

/** The explorer's filters from a query string, canonical, without the open event; 400 when they cannot be used. */
export function viewSearch(search: string): string {
  const url = readExplorerUrl(new URLSearchParams(search));
  if (!url.filters) {
    const problem = url.problems.find((candidate) => candidate.blocking);
    throw new ApiError("invalid_filter", `These filters cannot be saved: ${problem?.field}: ${problem?.message}`, "search");
  }
  return new URL(explorerUrl({ filters: url.filters }), "http://view.invalid").search.slice(1);
}

/** The views store's errors as API errors; a failing database as archive_unavailable. */
export function asViewApiError(error: unknown): Error {
  if (error instanceof ApiError) return error;
  if (error instanceof ViewNameTakenError) return new ApiError("name_taken", error.message, "name");
  if (error instanceof ViewNotFoundError) return new ApiError("not_found", error.message);
  if (error instanceof ViewForbiddenError) return new ApiError("forbidden", error.message);
  return asArchiveError(error);
}
