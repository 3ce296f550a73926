"use client";

import { useCallback, useSyncExternalStore } from "react";

// A string remembered per browser (localStorage). The server and the hydrating render see null, so
// the HTML never depends on one person's preferences; the stored value applies right after.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policies): fall back to defaults
  }
}

export function useBrowserPreference(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const setValue = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Not remembered, but still applied for this page below.
      }
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  return [value, setValue];
}
