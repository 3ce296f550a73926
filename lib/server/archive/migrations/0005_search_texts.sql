-- The text `q` searches moves to a table of its distinct values (schema.ts, auditSearchTexts):
-- events repeat a few thousand texts, so indexing each event's trigrams (about 80 an event) cost
-- most of a backfill's time in PostgreSQL, and counting a search's matches read the events' pages
-- one by one. Written by hand around what drizzle-kit generated: the column is filled before it is
-- required, and drizzle-kit cannot express a trigram index or an index's INCLUDE columns.
CREATE TABLE "audit_search_texts" (
	"hash" "bytea" PRIMARY KEY NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
-- First, so that the rewrite below does not rebuild it.
DROP INDEX "audit_events_search_trgm_idx";
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "search_hash" "bytea";
--> statement-breakpoint
-- Filled by changing the column's type to itself USING the hash: PostgreSQL writes the table anew
-- and builds each index once, sorted. An UPDATE would add a second version of every row to the
-- table and to each of its indexes (five minutes and twice the size for 1,000,000 events, measured).
-- The expressions must stay exactly those of searchTextOf and searchHashOf in filter-conditions.ts.
ALTER TABLE "audit_events" ALTER COLUMN "search_hash" SET DATA TYPE "bytea" USING sha256(convert_to(lower(coalesce("user_name", '') || E'\n' || coalesce("user_email", '') || E'\n' || "event_type" || E'\n' || "event_description"), 'UTF8'));
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "search_hash" SET NOT NULL;
--> statement-breakpoint
INSERT INTO "audit_search_texts" ("hash", "text")
SELECT DISTINCT ON ("search_hash") "search_hash", lower(coalesce("user_name", '') || E'\n' || coalesce("user_email", '') || E'\n' || "event_type" || E'\n' || "event_description")
FROM "audit_events";
--> statement-breakpoint
CREATE INDEX "audit_search_texts_trgm_idx" ON "audit_search_texts" USING gin ("text" gin_trgm_ops);
--> statement-breakpoint
-- A search's events, with every column its stats group by: counted from this index alone, never
-- from the table's pages (on a server, once autovacuum has marked them all-visible).
CREATE INDEX "audit_events_search_hash_idx" ON "audit_events" USING btree ("search_hash") INCLUDE ("created_at", "event_type", "user_email", "role", "ip_address");
--> statement-breakpoint
ANALYZE "audit_events";
--> statement-breakpoint
ANALYZE "audit_search_texts";
