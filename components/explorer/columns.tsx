import { columnVisibilityFeature, createColumnHelper, tableFeatures } from "@tanstack/react-table";

import { EventTypeCell } from "@/components/explorer/event-cells/event-type-cell";
import { RoleBadge } from "@/components/explorer/event-cells/role-badge";
import { TimeCell } from "@/components/explorer/event-cells/time-cell";
import { UserCell } from "@/components/explorer/event-cells/user-cell";
import type { AuditEvent } from "@/lib/audit-event";

// The events table's columns. Headers are part of the product ("Time", "User", ...): tests and
// screen-reader users find columns by these names.

export const eventTableFeatures = tableFeatures({ columnVisibilityFeature });

const helper = createColumnHelper<typeof eventTableFeatures, AuditEvent>();

export const eventColumns = helper.columns([
  helper.accessor("created_at", {
    id: "time",
    header: "Time",
    enableHiding: false,
    cell: (info) => <TimeCell createdAt={info.getValue()} />,
  }),
  helper.accessor("user_email", {
    id: "user",
    header: "User",
    cell: (info) => <UserCell event={info.row.original} />,
  }),
  helper.accessor("role", {
    id: "role",
    header: "Role",
    cell: (info) => <RoleBadge role={info.getValue()} />,
  }),
  helper.accessor("event_type", {
    id: "event",
    header: "Event",
    cell: (info) => <EventTypeCell code={info.getValue()} />,
  }),
  helper.accessor("event_description", {
    id: "description",
    header: "Description",
    // At most three lines (one on a phone's card), long words and URLs wrapped; the detail has the rest.
    cell: (info) => (
      <span className="line-clamp-3 [overflow-wrap:anywhere] max-sm:line-clamp-1" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  helper.accessor("ip_address", {
    id: "ip_address",
    header: "IP address",
    // Never cut: an IPv6 address wraps at any character rather than end in "…".
    cell: (info) => <span className="font-mono text-xs [overflow-wrap:anywhere]">{info.getValue()}</span>,
  }),
]);

/**
 * Layout per column id (the rules are in app/globals.css, written once rather than on every cell).
 * From `sm` up, a row is a line of fixed-width cells (rows are absolutely positioned, so cells cannot
 * size each other). Below it, a row is a card: who and when on the first line, what on the second,
 * the description's first line on the third; role and IP address are in the detail.
 */
export const COLUMN_CLASS: Record<string, string> = {
  time: "event-column-time",
  user: "event-column-user",
  role: "event-column-role",
  event: "event-column-event",
  description: "event-column-description",
  ip_address: "event-column-ip_address",
};
