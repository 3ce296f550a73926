"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { useCountdown } from "@/components/explorer/use-countdown";
import { Button } from "@/components/ui/button";
import {
  API_ERRORS,
  ApiRequestError,
  CLIENT_ERRORS,
  DEFAULT_RATE_LIMIT_WAIT_SECONDS,
  SESSION_EXPIRED_MESSAGE,
  signInPath,
} from "@/lib/api-errors";

// Every failure of our API in words, each with a way forward. The words are lib/api-errors.ts's,
// chosen by the error code, so what a person reads does not depend on how the upstream phrased it.

/** The message for a failure: the table's, but a refused filter's own words (they name the field). */
function messageFor(error: ApiRequestError): string {
  switch (error.code) {
    case "invalid_filter":
      return `${API_ERRORS.invalid_filter.message}: ${error.message}`;
    // The answer's words name the filter that needs the archive (needsArchiveMessage).
    case "needs_archive":
    case "unexpected":
      return error.message;
    case "network":
      return CLIENT_ERRORS.network;
    case "held_back":
      // The server's answer says whose failures caused the hold; the words shown are still the table's.
      return error.message === API_ERRORS.held_back.userMessage ? API_ERRORS.held_back.userMessage : API_ERRORS.held_back.message;
    default:
      return API_ERRORS[error.code].message;
  }
}

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
  const known = error instanceof ApiRequestError ? error : new ApiRequestError("unexpected", error.message);
  if (known.code === "rate_limited" || known.code === "held_back") {
    return (
      <RateLimited
        key={failureId(known)}
        // Merge's limit, or our failure guard's hold: the same countdown, each in its own words.
        text={messageFor(known)}
        seconds={known.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS}
        onRetry={onRetry}
      />
    );
  }
  if (known.code === "unauthenticated") return <SessionExpired />;
  return (
    <ErrorBox>
      <p>{messageFor(known)}</p>
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
      <p>{SESSION_EXPIRED_MESSAGE}</p>
      <Link
        href={signInPath(callbackUrl)}
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
