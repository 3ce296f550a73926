CREATE TABLE "audit_event_type_counts" (
	"unit" text NOT NULL,
	"start" timestamp(6) with time zone NOT NULL,
	"event_type" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "audit_event_type_counts_unit_event_type_start_pk" PRIMARY KEY("unit","event_type","start")
);
--> statement-breakpoint
CREATE TABLE "audit_event_value_counts" (
	"unit" text NOT NULL,
	"start" timestamp(6) with time zone NOT NULL,
	"event_type" text NOT NULL,
	"user_email" text,
	"role" text NOT NULL,
	"ip_address" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "audit_event_value_counts_key" UNIQUE NULLS NOT DISTINCT("unit","event_type","start","user_email","role","ip_address")
);
--> statement-breakpoint
-- The counts of the events archived so far, as storePage (lib/server/archive/store.ts) adds them
-- for every page from now on: the UTC hour, day or month each event falls in. Each table's longer
-- unit is summed from its shorter one (one pass over the events each, not two). In time order, as
-- the sync appends them, so that a range of time is a run of neighbouring pages.
INSERT INTO "audit_event_type_counts" ("unit", "start", "event_type", "count")
SELECT 'hour', date_trunc('hour', "created_at", 'UTC'), "event_type", count(*)
FROM "audit_events"
GROUP BY 2, 3
ORDER BY 2, 3;
--> statement-breakpoint
INSERT INTO "audit_event_type_counts" ("unit", "start", "event_type", "count")
SELECT 'day', date_trunc('day', "start", 'UTC'), "event_type", sum("count")
FROM "audit_event_type_counts"
WHERE "unit" = 'hour'
GROUP BY 2, 3
ORDER BY 2, 3;
--> statement-breakpoint
INSERT INTO "audit_event_value_counts" ("unit", "start", "event_type", "user_email", "role", "ip_address", "count")
SELECT 'day', date_trunc('day', "created_at", 'UTC'), "event_type", lower("user_email"), "role", "ip_address", count(*)
FROM "audit_events"
GROUP BY 2, 3, 4, 5, 6
ORDER BY 2, 3;
--> statement-breakpoint
INSERT INTO "audit_event_value_counts" ("unit", "start", "event_type", "user_email", "role", "ip_address", "count")
SELECT 'month', date_trunc('month', "start", 'UTC'), "event_type", "user_email", "role", "ip_address", sum("count")
FROM "audit_event_value_counts"
WHERE "unit" = 'day'
GROUP BY 2, 3, 4, 5, 6
ORDER BY 2, 3;
--> statement-breakpoint
-- The planner's statistics now, rather than at autovacuum's next turn: the stats read these at once.
ANALYZE "audit_event_type_counts";
--> statement-breakpoint
ANALYZE "audit_event_value_counts";
