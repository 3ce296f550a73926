"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { useCountdown } from "@/components/explorer/use-countdown";
import { Button } from "@/components/ui/button";
import { AuditTrailError } from "@/lib/query-options";

// Every failure of our API in words, each with a way forward. Messages come from the error code,
// so what a person reads does not depend on how the upstream phrased its answer.

const MESSAGES: Partial<Record<AuditTrailError["code"], string>> = {
  upstream_auth: "The server's Merge API key was rejected: ask your administrator",
  invalid_cursor: "This page of results expired: Retry starts again from the first page",
  upstream_unavailable: "Merge is unavailable right now",
  upstream_timeout: "Merge took too long to answer",
  upstream_invalid: "Merge sent an answer the app could not read",
  internal_error: "Something went wrong on the server",
  network: "The server could not be reached: check your connection",
};

// When Merge names no wait, a minute matches its per-minute limits.
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

// Each failure gets its own countdown: a retry that is rate-limited again starts a fresh one.
const failureIds = new WeakMap<Error, number>();
let nextFailureId = 0;
function failureId(error: Error): number {
  let id = failureIds.get(error);
  if (id === undefined) {
    id = nextFailureId++;
    failureIds.set(error, id);
  }
  return id;
}

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const known = error instanceof AuditTrailError ? error : new AuditTrailError("unexpected", error.message);
  if (known.code === "rate_limited" || known.code === "held_back") {
    return (
      <RateLimited
        key={failureId(known)}
        // A hold by our own failure guard: the server's words say whose failures caused it.
        text={known.code === "held_back" ? known.message : "Merge is rate-limiting requests"}
        seconds={known.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS}
        onRetry={onRetry}
      />
    );
  }
  if (known.code === "unauthenticated") return <SessionExpired />;
  const text =
    known.code === "invalid_filter" ? `These filters are not valid: ${known.message}` : (MESSAGES[known.code] ?? known.message);
  return (
    <ErrorBox>
      <p>{text}</p>
      <Button onClick={onRetry}>Retry</Button>
    </ErrorBox>
  );
}

function RateLimited({ text, seconds, onRetry }: { text: string; seconds: number; onRetry: () => void }) {
  const left = useCountdown(Math.max(1, Math.ceil(seconds)), onRetry);
  return (
    <ErrorBox>
      <p>
        {text}; retrying in {left} s
      </p>
      <Button onClick={onRetry}>Retry</Button>
    </ErrorBox>
  );
}

function SessionExpired() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const callbackUrl = search ? `${pathname}?${search}` : pathname;
  return (
    <ErrorBox>
      <p>Your session expired: sign in again</p>
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        className="font-medium text-indigo-700 underline dark:text-indigo-300"
      >
        Sign in
      </Link>
    </ErrorBox>
  );
}

function ErrorBox({ children }: { children: React.ReactNode }) {
  return (
    <div
      role="alert"
      className="m-4 flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      {children}
    </div>
  );
}
