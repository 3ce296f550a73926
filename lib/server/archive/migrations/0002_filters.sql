-- The filters of issue 13 (lib/server/archive/filter-conditions.ts), written by hand: drizzle-kit
-- cannot express a function or an operator class. schema.ts does not list these indexes, so the next
-- generated migration leaves them alone.

-- Merge's ip_address as inet, or NULL when it is not one: a malformed value Merge sent must never
-- turn a query into an error. IMMUTABLE, so an index can be built on it. Not PARALLEL SAFE: catching
-- the error takes a subtransaction, which a parallel worker cannot start.
CREATE FUNCTION archive_inet(address text) RETURNS inet
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  RETURN address::inet;
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Exact addresses and CIDR blocks (<<=): the btree's planner support turns containment into a range.
CREATE INDEX "audit_events_ip_created_at_idx" ON "audit_events" USING btree (archive_inet("ip_address"), "created_at", "id");
--> statement-breakpoint
CREATE INDEX "audit_events_role_created_at_idx" ON "audit_events" USING btree ("role", "created_at", "id");
--> statement-breakpoint
-- The text `q` searches, ILIKE '%…%' served by trigrams. The expression must stay exactly the one of
-- searchText in filter-conditions.ts, or the planner will not use the index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "audit_events_search_trgm_idx" ON "audit_events" USING gin ((coalesce("user_name", '') || E'\n' || coalesce("user_email", '') || E'\n' || "event_type" || E'\n' || "event_description") gin_trgm_ops);
