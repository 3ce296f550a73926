// One look for the filter bar's fields, light and dark (dark follows the system through `dark:`).

export const LABEL_CLASS = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export const FIELD_CLASS =
  "h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-sm " +
  "placeholder:text-zinc-400 focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 " +
  "focus-visible:outline-indigo-500/40 aria-[invalid=true]:border-red-500 " +
  "dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:[color-scheme:dark]";

export const HINT_CLASS = "min-h-4 text-xs text-red-700 dark:text-red-400";
