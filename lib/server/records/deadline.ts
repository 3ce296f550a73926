import "server-only";

/** `work`, or a rejection once `ms` pass first: what records write never holds up the action. */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Long enough for a healthy database under load; short enough that nobody waits on a dead one. */
export const RECORD_WAIT_MS = 2_000;
