import Link from "next/link";

import { SignOutButton } from "@/components/app-header-sign-out";
import { getPageSession } from "@/lib/server/auth/session";

/**
 * The top bar: product name, whatever the page adds (`children`, e.g. a "Demo data" badge), and
 * for a signed-in user their email and "Sign out". Reading the session makes every page that
 * renders it dynamic, which the per-request CSP nonce needs anyway.
 */
export async function AppHeader({ children }: { children?: React.ReactNode }) {
  const session = await getPageSession();
  return (
    <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="flex h-14 items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight hover:opacity-80">
          Audit Trail Explorer
        </Link>
        {session && (
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            <Link href="/" className="text-zinc-700 hover:underline dark:text-zinc-300">
              Explorer
            </Link>
            <Link href="/activity" className="text-zinc-700 hover:underline dark:text-zinc-300">
              Activity
            </Link>
          </nav>
        )}
        {children}
        {session && (
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <span className="truncate text-sm text-zinc-600 dark:text-zinc-400" title={session.name ?? undefined}>
              {session.email}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
