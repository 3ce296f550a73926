import { actorName } from "@/components/explorer/event-cells/actor";
import type { AuditEvent } from "@/lib/audit-event";

export function UserCell({ event }: { event: AuditEvent }) {
  const name = actorName(event);
  const showEmail = event.user_email !== null && event.user_email !== name;
  return (
    <div className="min-w-0">
      <div className="truncate font-medium">{name}</div>
      {/* A phone's card names who; the email is in the detail. */}
      {showEmail && <div className="truncate text-xs text-zinc-600 max-sm:hidden dark:text-zinc-400">{event.user_email}</div>}
    </div>
  );
}
