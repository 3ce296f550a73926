import type { ArchiveAvailability } from "@/components/explorer/use-archive-mode";
import { needsArchiveMessage } from "@/lib/api-errors";
import type { ExplorerUrl } from "@/lib/explorer-url";
import { filtersNeedingArchive } from "@/lib/filters";

/**
 * The page URL's reading on a server without the archive: a filter only the archive can apply
 * (several types, a group, an IP...) stops the link's result set and is named, in our API's words
 * for the same refusal, rather than being dropped. With the archive, or before the server has said,
 * the reading is unchanged (the API refuses such a filter by name anyway).
 */
export function withArchiveProblems(url: ExplorerUrl, archive: ArchiveAvailability): ExplorerUrl {
  if (archive !== "off" || url.filters === null) return url;
  const fields = filtersNeedingArchive(url.filters);
  if (fields.length === 0) return url;
  return {
    ...url,
    filters: null,
    problems: [...url.problems, ...fields.map((field) => ({ field, message: needsArchiveMessage(field), blocking: true }))],
  };
}
