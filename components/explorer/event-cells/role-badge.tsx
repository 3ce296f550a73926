const ROLE_STYLES: Record<string, string> = {
  ADMIN: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  DEVELOPER: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  MEMBER: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  API: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  SYSTEM: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-200",
  MERGE_TEAM: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  SUPPORT: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
};

// Roles Merge adds later still render, in a neutral outline.
const UNKNOWN_ROLE_STYLE = "border border-zinc-400 text-zinc-800 dark:border-zinc-600 dark:text-zinc-200";

export function RoleBadge({ role }: { role: string }) {
  return (
    <span
      className={`inline-block max-w-full truncate rounded px-1.5 py-0.5 font-mono text-xs ${ROLE_STYLES[role] ?? UNKNOWN_ROLE_STYLE}`}
    >
      {role}
    </span>
  );
}
