"use client";

import { signIn } from "next-auth/react";

import { LeavePageButton } from "@/components/leave-page-button";

const STYLES = {
  primary:
    "bg-zinc-900 text-white hover:bg-zinc-700 focus-visible:outline-zinc-900 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300 dark:focus-visible:outline-zinc-100",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 focus-visible:outline-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:outline-zinc-100",
} as const;

/** Starts next-auth's sign-in for one provider; the callback path is already validated on the server. */
export function SignInButton(props: {
  providerId: string;
  label: string;
  callbackUrl: string;
  variant: keyof typeof STYLES;
}) {
  return (
    <LeavePageButton
      onLeave={() => void signIn(props.providerId, { callbackUrl: props.callbackUrl })}
      className={`flex w-full items-center justify-center rounded-lg px-4 py-2.5 text-sm font-medium shadow-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-wait disabled:opacity-70 ${STYLES[props.variant]}`}
    >
      {props.label}
    </LeavePageButton>
  );
}
