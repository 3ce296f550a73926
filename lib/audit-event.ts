import { z } from "zod";

// Merge's AuditLogEvent. role and event_type are open strings on purpose: Merge adds enum values
// every year, and an event we cannot name must still be shown (lib/event-types.ts labels the known ones).
export const auditEventSchema = z.object({
  id: z.string().min(1),
  user_name: z.string().max(200).nullable().default(null),
  user_email: z.string().max(254).nullable().default(null),
  role: z.string(),
  ip_address: z.string().max(45),
  event_type: z.string(),
  event_description: z.string(),
  created_at: z.iso.datetime({ offset: true }),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;

// Merge's PaginatedAuditLogEventList: next and previous are bare cursor tokens, null at either end.
export const auditTrailPageSchema = z.object({
  next: z.string().nullable(),
  previous: z.string().nullable(),
  results: z.array(auditEventSchema),
});

export type AuditTrailPage = z.infer<typeof auditTrailPageSchema>;
