import { eventTypeLabel, isKnownEventType } from "@/lib/event-types";

/** The event type's label and its code; a code the app does not know yet is shown as itself. */
export function EventTypeCell({ code }: { code: string }) {
  const known = isKnownEventType(code);
  return (
    <div className="min-w-0">
      <div className="truncate">{known ? eventTypeLabel(code) : "Unrecognised event type"}</div>
      <div className="truncate font-mono text-xs text-zinc-600 max-sm:hidden dark:text-zinc-400">{code}</div>
    </div>
  );
}
