import type { AuditEvent } from "@/lib/audit-event";

/** Who acted, in words: Merge leaves name and email null for system and API-key actors. */
export function actorName(event: Pick<AuditEvent, "user_name" | "user_email" | "role">): string {
  if (event.user_name) return event.user_name;
  if (event.user_email) return event.user_email;
  return event.role === "API" ? "API" : "System";
}
