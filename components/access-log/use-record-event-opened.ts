"use client";

import { useEffect } from "react";
import { z } from "zod";

import { apiRequest } from "@/lib/api-request";

const answerSchema = z.object({ recorded: z.boolean() });

/**
 * Tells the access log that an event's detail was opened: the panel shows a row the browser already
 * holds, so no other request would. A failure is the server's to log; the panel opens regardless.
 */
export function useRecordEventOpened(eventId: string | null) {
  useEffect(() => {
    if (!eventId) return;
    apiRequest("/api/access-log/event-opened", answerSchema, { method: "POST", body: { event_id: eventId } }).catch(() => {});
  }, [eventId]);
}
