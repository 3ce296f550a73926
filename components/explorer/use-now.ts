"use client";

import { useEffect, useState } from "react";

/** The browser's clock in ms, refreshed every `intervalMs`, for times written relative to now. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
