CREATE TABLE "archive_sync_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"watermark" timestamp(6) with time zone,
	"backfill_cursor" text,
	"backfill_complete" boolean DEFAULT false NOT NULL,
	"backfill_events" bigint DEFAULT 0 NOT NULL,
	"events" bigint DEFAULT 0 NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"last_success_at" timestamp(6) with time zone,
	"last_error" text,
	"last_error_at" timestamp(6) with time zone,
	"holder" text,
	"lease_expires_at" timestamp(6) with time zone,
	CONSTRAINT "archive_sync_state_one_row" CHECK ("archive_sync_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"user_name" text,
	"user_email" text,
	"role" text NOT NULL,
	"ip_address" text NOT NULL,
	"event_type" text NOT NULL,
	"event_description" text NOT NULL,
	"created_at" timestamp(6) with time zone NOT NULL,
	"created_at_raw" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_created_at_id_idx" ON "audit_events" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_user_email_created_at_idx" ON "audit_events" USING btree (lower("user_email"),"created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_event_type_created_at_idx" ON "audit_events" USING btree ("event_type","created_at","id");