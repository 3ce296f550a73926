"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while hydrating, true afterwards. Two uses: values that depend on the
 * browser (its time zone) render only once hydrated, so the HTML and the first client render match;
 * and controls whose work is all in JavaScript stay disabled until then, so a click on the server's
 * HTML is not silently dropped.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
