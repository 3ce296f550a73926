import { ACCESS_LOG_ACTION_LABELS, type AccessLogEntry } from "@/lib/access-log";

import { EntryDetail } from "./entry-detail";

const CELL = "px-3 py-2 align-top";

/** The access log's rows, newest first. */
export function ActivityTable({ entries }: { entries: AccessLogEntry[] }) {
  return (
    <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
      <caption className="sr-only">Access log entries, newest first</caption>
      <thead className="border-b border-zinc-200 text-xs font-semibold text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <tr>
          <th scope="col" className={CELL}>#</th>
          <th scope="col" className={CELL}>Time (UTC)</th>
          <th scope="col" className={CELL}>User</th>
          <th scope="col" className={CELL}>Action</th>
          <th scope="col" className={CELL}>Detail</th>
          <th scope="col" className={CELL}>IP address</th>
          <th scope="col" className={CELL}>Browser</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className="border-b border-zinc-100 dark:border-zinc-900">
            <td className={`${CELL} tabular-nums`}>{entry.id}</td>
            <td className={`${CELL} whitespace-nowrap tabular-nums`}>
              <time dateTime={entry.at}>{entry.at.replace("T", " ").replace("Z", "")}</time>
            </td>
            <td className={CELL}>{entry.user_email ?? "—"}</td>
            <td className={CELL} data-action={entry.action}>
              {ACCESS_LOG_ACTION_LABELS[entry.action]}
            </td>
            <td className={CELL}>
              <EntryDetail entry={entry} />
            </td>
            <td className={`${CELL} tabular-nums`}>{entry.ip ?? "—"}</td>
            <td className={`${CELL} max-w-56 truncate`} title={entry.user_agent ?? undefined}>
              {entry.user_agent ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
