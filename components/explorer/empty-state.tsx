import Link from "next/link";

import { useTimeZone } from "@/components/explorer/use-time-zone";
import { buttonClassName } from "@/components/ui/button";
import { explorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";

/** No event matches: say so, and offer the way back to everything (keeping the page size and zone). */
export function EmptyState({ filters }: { filters: AuditTrailFilters }) {
  const { chosen } = useTimeZone();
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-base font-medium">No events match these filters</p>
      <Link href={explorerUrl({ filters: { page_size: filters.page_size }, timeZone: chosen })} className={buttonClassName("secondary")}>
        Clear filters
      </Link>
    </div>
  );
}
