"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";

// The open list of a WAI-ARIA menu button (the export and copy-link menus), hanging from the
// button's right edge. Its button and open state stay with its owner (usePopover).

export type MenuChoice = { label: string; hint: string; onSelect: () => void };

type MenuListProps = {
  id: string;
  label: string;
  choices: readonly MenuChoice[];
  /** Closes the menu and gives focus back to its button: on a choice and on Escape. */
  close: () => void;
  /** Closes the menu and lets focus go where it goes: on Tab. */
  dismiss: () => void;
  /** Each hint under its label rather than beside it. */
  hintBelow?: boolean;
  /** The list's Tailwind min-width class. */
  widthClass: string;
};

/** Arrows, Home and End move between the items, Escape closes back to the button, Tab leaves the menu closed. */
function onMenuKeyDown(event: KeyboardEvent<HTMLElement>, items: ReadonlyArray<HTMLElement | null>, { close, dismiss }: Pick<MenuListProps, "close" | "dismiss">) {
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

/** Rendered while the menu is open: its first item takes the focus, and a choice closes the menu before it runs. */
export function MenuList({ id, label, choices, close, dismiss, hintBelow = false, widthClass }: MenuListProps) {
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  useEffect(() => {
    items.current[0]?.focus();
  }, []);
  return (
    <ul
      id={id}
      role="menu"
      aria-label={label}
      onKeyDown={(event) => onMenuKeyDown(event, items.current, { close, dismiss })}
      className={`absolute top-full right-0 z-20 mt-1 ${widthClass} rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900`}
    >
      {choices.map((choice, index) => (
        <li key={choice.label} role="none">
          <button
            ref={(element) => {
              items.current[index] = element;
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              close();
              choice.onSelect();
            }}
            className={`flex w-full ${hintBelow ? "flex-col" : "items-baseline gap-2"} px-3 py-1.5 text-left text-sm text-zinc-900 hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:text-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800`}
          >
            {choice.label}
            <span aria-hidden="true" className="text-xs text-zinc-600 dark:text-zinc-400">
              {choice.hint}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
