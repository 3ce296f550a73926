"use client";

import Link from "next/link";
import type { ReactNode } from "react";

import { actorName } from "@/components/explorer/event-cells/actor";
import { RoleBadge } from "@/components/explorer/event-cells/role-badge";
import { AROUND_SPANS, eventsAroundThisTime, onlyThisEventType, onlyThisUser } from "@/components/explorer/event-pivots";
import { formatTimestamp } from "@/components/explorer/format-timestamp";
import { useTimeZone } from "@/components/explorer/use-time-zone";
import { buttonClassName } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SidePanel } from "@/components/ui/side-panel";
import type { AuditEvent } from "@/lib/audit-event";
import { eventTypeLabel } from "@/lib/event-types";
import { explorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";

type EventDetailProps = {
  eventId: string;
  /** Undefined while the event is not among the loaded pages. */
  event: AuditEvent | undefined;
  /** True while more pages are being loaded to find the event. */
  searching: boolean;
  /** How many events were searched, and whether that is the whole result set. */
  searched: { count: number; complete: boolean };
  filters: AuditTrailFilters;
  onClose: () => void;
};

export function EventDetail({ eventId, event, searching, searched, filters, onClose }: EventDetailProps) {
  return (
    <SidePanel title={event ? eventTypeLabel(event.event_type) : "Event"} onClose={onClose}>
      {event ? (
        <EventFields event={event} filters={filters} />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {searching
            ? "Looking for this event in the next pages…"
            : searched.complete
              ? `Event ${eventId} is not in the audit trail for these filters.`
              : `Event ${eventId} is not among the ${searched.count.toLocaleString("en-US")} most recent events for these filters.`}
        </p>
      )}
    </SidePanel>
  );
}

function EventFields({ event, filters }: { event: AuditEvent; filters: AuditTrailFilters }) {
  // Pivots keep the display zone the link named.
  const { timeZone, chosen } = useTimeZone();
  const userPivot = onlyThisUser(filters, event);
  const json = JSON.stringify(event, null, 2);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Pivots" className="flex flex-col gap-2">
        <div className="flex flex-wrap gap-2">
          {userPivot && (
            <Link href={explorerUrl({ filters: userPivot, timeZone: chosen })} className={buttonClassName("secondary")}>
              Only this user
            </Link>
          )}
          <Link href={explorerUrl({ filters: onlyThisEventType(filters, event), timeZone: chosen })} className={buttonClassName("secondary")}>
            Only this event type
          </Link>
        </div>
        {/* The new list opens on the event it came from (`event=`), which marks its row. */}
        <div role="group" aria-labelledby="events-around-heading" className="flex flex-wrap items-center gap-2">
          <span id="events-around-heading" className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
            Events around this time
          </span>
          {AROUND_SPANS.map((span) => (
            <Link
              key={span.label}
              href={explorerUrl({ filters: eventsAroundThisTime(filters, event, span.ms), event: event.id, timeZone: chosen })}
              className={buttonClassName("secondary")}
            >
              {span.label}
            </Link>
          ))}
        </div>
      </nav>

      <dl className="grid grid-cols-[auto_1fr_auto] items-start gap-x-3 gap-y-3 text-sm">
        <Field label="Time" copy={event.created_at}>
          <time dateTime={event.created_at}>{formatTimestamp(event.created_at, timeZone)}</time> {timeZone}
          {/* UTC always, beside the display zone: what Merge records and what teammates elsewhere can compare. */}
          <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">
            {timeZone === "UTC" ? "" : `${formatTimestamp(event.created_at, "UTC")} UTC · `}
            {event.created_at}
          </span>
        </Field>
        <Field label="User">{actorName(event)}</Field>
        <Field label="User email" copy={event.user_email ?? undefined}>
          {event.user_email ?? <span className="text-zinc-600 dark:text-zinc-400">None</span>}
        </Field>
        <Field label="Role">
          <RoleBadge role={event.role} />
        </Field>
        <Field label="Event type" copy={event.event_type}>
          {eventTypeLabel(event.event_type)}
          <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">{event.event_type}</span>
        </Field>
        <Field label="Description" copy={event.event_description}>
          <span className="whitespace-pre-wrap">{event.event_description}</span>
        </Field>
        <Field label="IP address" copy={event.ip_address}>
          <span className="font-mono">{event.ip_address}</span>
        </Field>
        <Field label="Event ID" copy={event.id}>
          <span className="font-mono text-xs break-all">{event.id}</span>
        </Field>
      </dl>

      <section aria-labelledby="raw-json-heading" className="flex flex-col gap-2">
        <div className="flex items-center justify-between">
          <h3 id="raw-json-heading" className="text-sm font-semibold">
            Raw JSON
          </h3>
          <CopyButton value={json} label="raw JSON" />
        </div>
        {/* Focusable, so its horizontal scroll is reachable without a mouse. */}
        <pre
          role="region"
          aria-labelledby="raw-json-heading"
          tabIndex={0}
          className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900"
        >
          {json}
        </pre>
      </section>
    </div>
  );
}

function Field({ label, copy, children }: { label: string; copy?: string; children: ReactNode }) {
  return (
    <>
      <dt className="pt-1 font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 pt-1 break-words">{children}</dd>
      <dd>{copy !== undefined && <CopyButton value={copy} label={label.toLowerCase()} />}</dd>
    </>
  );
}
