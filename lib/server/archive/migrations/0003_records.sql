CREATE TABLE "access_log" (
	"id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp(3) with time zone NOT NULL,
	"user_email" text,
	"action" text NOT NULL,
	"detail" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"prev_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_log_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_id" bigint DEFAULT 0 NOT NULL,
	"last_hash" text,
	CONSTRAINT "access_log_head_one_row" CHECK ("access_log_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "export_manifests" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"count" integer,
	"first_event_at" text,
	"last_event_at" text,
	"sha256" text,
	"created_by" text NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"app_version" text NOT NULL,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"search" text NOT NULL,
	"owner_email" text NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "saved_views_scope" CHECK ("saved_views"."scope" in ('personal', 'team'))
);
--> statement-breakpoint
CREATE INDEX "access_log_user_email_id_idx" ON "access_log" USING btree (lower("user_email"),"id");--> statement-breakpoint
CREATE INDEX "access_log_action_id_idx" ON "access_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "export_manifests_created_by_created_at_idx" ON "export_manifests" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_team_name_idx" ON "saved_views" USING btree ("name") WHERE "saved_views"."scope" = 'team';--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_personal_name_idx" ON "saved_views" USING btree ("owner_email","name") WHERE "saved_views"."scope" = 'personal';--> statement-breakpoint
-- The access log is append-only: rows can be inserted, never changed or removed. Tampering then
-- needs a superuser who disables this trigger, and the hash chain shows what was done.
CREATE FUNCTION "access_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'access_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION "access_log_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "access_log" FOR EACH STATEMENT EXECUTE FUNCTION "access_log_refuse_change"();--> statement-breakpoint
INSERT INTO "access_log_head" ("id", "last_id", "last_hash") VALUES (1, 0, NULL);
