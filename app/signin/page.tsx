import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInButton } from "@/app/signin/sign-in-button";
import { signInNotice, type SignInNotice } from "@/app/signin/messages";
import { isAllowlistEmpty } from "@/lib/server/auth/allowlist";
import { safeCallbackPath } from "@/lib/server/auth/callback-url";
import { getAuthConfig, hasRealProvider } from "@/lib/server/auth/config";
import { DEMO_PROVIDER_ID, isDemoSignInEnabled } from "@/lib/server/auth/demo";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth/providers";
import { getPageSession } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Sign in · Audit Trail Explorer" };

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function Notice({ notice }: { notice: SignInNotice }) {
  const tones = {
    error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950/50 dark:text-red-100",
    info: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100",
  };
  return (
    <div role={notice.tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${tones[notice.tone]}`}>
      <p className="font-semibold">{notice.title}</p>
      <p className="mt-1 leading-relaxed opacity-90">{notice.body}</p>
    </div>
  );
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = { error: single(params.error), denied: single(params.denied), reason: single(params.reason) };
  const callbackUrl = safeCallbackPath(single(params.callbackUrl));
  // Someone already signed in (and still allowed) has nothing to do here.
  if (!query.error && (await getPageSession())) redirect(callbackUrl);

  const config = getAuthConfig();
  const demo = isDemoSignInEnabled();
  const notice = signInNotice(query, { noAllowlist: hasRealProvider(config) && isAllowlistEmpty(config.allowlist) });
  const buttons = [
    ...(config.oidc ? [{ id: OIDC_PROVIDER_ID, label: `Sign in with ${config.oidc.name}` }] : []),
    ...(config.github ? [{ id: "github", label: "Sign in with GitHub" }] : []),
  ];

  return (
    <main className="flex flex-1 items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-2 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Audit Trail Explorer</h1>
          <p className="text-sm text-balance text-zinc-600 dark:text-zinc-400">
            Read, filter and share your organization&rsquo;s Merge audit trail.
          </p>
        </div>
        {notice && <Notice notice={notice} />}
        <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          {buttons.map((button) => (
            <SignInButton key={button.id} providerId={button.id} label={button.label} callbackUrl={callbackUrl} variant="primary" />
          ))}
          {buttons.length > 0 && demo && (
            <div className="flex items-center gap-3 py-1 text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
              <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
              or
              <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            </div>
          )}
          {demo && (
            <div className="space-y-2">
              <SignInButton
                providerId={DEMO_PROVIDER_ID}
                label="Sign in as demo user"
                callbackUrl={callbackUrl}
                variant={buttons.length > 0 ? "secondary" : "primary"}
              />
              <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">
                Demo data only: no password, nothing from Merge.
              </p>
            </div>
          )}
          {buttons.length === 0 && !demo && (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              No sign-in method is configured. An administrator must set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and
              AUTH_OIDC_CLIENT_SECRET.
            </p>
          )}
        </div>
        <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">
          Access is limited to the people your organization allows.
        </p>
      </div>
    </main>
  );
}
