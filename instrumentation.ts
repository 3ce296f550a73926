// Runs once when the server starts: a missing NEXTAUTH_SECRET in production, or a sign-in setup
// that lets nobody in, is reported at boot rather than on the first visitor's request. Then the
// archive opens (migrating its database) and its sync starts, unless ARCHIVE=off; an ARCHIVE_DIR
// that cannot be used stops the start with a message naming it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkAuthConfiguration } = await import("@/lib/server/auth/startup");
    checkAuthConfiguration();
    const { startArchive } = await import("@/lib/server/archive/runtime");
    await startArchive();
  }
}
