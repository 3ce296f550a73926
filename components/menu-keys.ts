import type { KeyboardEvent } from "react";

/**
 * The keys of a WAI-ARIA menu (the export and copy-link menus): arrows, Home and End move between
 * `items`, Escape closes and gives focus back to the menu button, Tab leaves the menu closed.
 */
export function onMenuKeyDown(
  event: KeyboardEvent<HTMLElement>,
  items: ReadonlyArray<HTMLElement | null>,
  { close, dismiss }: { close: () => void; dismiss: () => void },
): void {
  const list = items.filter((item): item is HTMLElement => item !== null);
  const current = list.findIndex((item) => item === document.activeElement);
  const focusAt = (index: number) => list[(index + list.length) % list.length]?.focus();
  if (event.key === "ArrowDown") focusAt(current + 1);
  else if (event.key === "ArrowUp") focusAt(current - 1);
  else if (event.key === "Home") focusAt(0);
  else if (event.key === "End") focusAt(list.length - 1);
  else if (event.key === "Escape") close();
  else if (event.key === "Tab") dismiss();
  else return;
  if (event.key !== "Tab") event.preventDefault();
}
