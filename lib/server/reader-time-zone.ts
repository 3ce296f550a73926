import "server-only";

import { cookies } from "next/headers";

import { READER_TIME_ZONE_COOKIE, readerTimeZoneFrom } from "@/lib/reader-time-zone";

/** The reader's zone from this request's cookie (decoded by Next), or null when it names no known zone. */
export async function readReaderTimeZone(): Promise<string | null> {
  return readerTimeZoneFrom((await cookies()).get(READER_TIME_ZONE_COOKIE)?.value);
}
