import Link from "next/link";

import type { AccessLogEntry } from "@/lib/access-log";
import { manifestPath } from "@/lib/export/manifest";

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);

/** An entry's detail in a few words; the whole detail is in the CSV export and the API. */
export function EntryDetail({ entry }: { entry: AccessLogEntry }) {
  const { detail } = entry;
  switch (entry.action) {
    case "view":
      return text(detail.url) ? (
        <Link href={text(detail.url)!} className="break-all text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          {text(detail.url)}
        </Link>
      ) : null;
    case "export":
      return (
        <span className="flex flex-wrap items-center gap-x-2">
          <span>
            {text(detail.format)?.toUpperCase()}, {text(detail.count) ?? "?"} events, {text(detail.outcome) ?? "in progress"}
          </span>
          {text(detail.export_id) && (
            <a
              href={manifestPath(text(detail.export_id)!)}
              download={`manifest-${text(detail.export_id)}.json`}
              className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              Download manifest
            </a>
          )}
        </span>
      );
    case "event_opened":
      return <span>Event {text(detail.event_id)}</span>;
    case "view_saved":
    case "view_deleted":
      return (
        <span>
          {text(detail.scope)} view &quot;{text(detail.name)}&quot;
        </span>
      );
    case "access_log_exported":
      return <span>{text(detail.count)} entries</span>;
    case "sign_in":
      return <span>with {text(detail.provider)}</span>;
    case "sign_in_denied":
      return (
        <span>
          with {text(detail.provider)}: {text(detail.reason)}
        </span>
      );
  }
}
