// Runs once when the server starts: a missing NEXTAUTH_SECRET in production, or a sign-in setup
// that lets nobody in, is reported at boot rather than on the first visitor's request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkAuthConfiguration } = await import("@/lib/server/auth/startup");
    checkAuthConfiguration();
  }
}
