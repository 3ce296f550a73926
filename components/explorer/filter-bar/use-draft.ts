"use client";

import { useState } from "react";

/**
 * Text a user is editing before it is applied. It starts from `value` and follows it whenever
 * `value` changes (Back, a chip removed, Clear filters) without remounting, so focus stays put.
 */
export function useDraft(value: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  if (source !== value) {
    // React's "adjust state when a prop changes" pattern: re-renders before painting the old text.
    setSource(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
