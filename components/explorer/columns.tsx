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
    cell: (info) => (
      <span className="line-clamp-2" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  helper.accessor("ip_address", {
    id: "ip_address",
    header: "IP address",
    cell: (info) => <span className="truncate font-mono text-xs">{info.getValue()}</span>,
  }),
]);

/** Widths per column id: rows are absolutely positioned, so cells cannot size each other. */
export const COLUMN_CLASS: Record<string, string> = {
  time: "w-44 shrink-0",
  user: "w-56 shrink-0",
  role: "w-32 shrink-0",
  event: "w-72 shrink-0",
  description: "min-w-64 flex-1",
  ip_address: "w-40 shrink-0",
};
