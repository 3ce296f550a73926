"use client";

import { signOut } from "next-auth/react";

import { LeavePageButton } from "@/components/leave-page-button";
import { SIGN_IN_PATH } from "@/lib/api-errors";

export function SignOutButton() {
  return (
    <LeavePageButton
      onLeave={() => void signOut({ callbackUrl: SIGN_IN_PATH })}
      className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 transition-colors hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900 disabled:opacity-70 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:focus-visible:outline-zinc-100"
    >
      Sign out
    </LeavePageButton>
  );
}
