// Runs once when the server starts: a configuration that cannot be run safely (a missing or weak
// NEXTAUTH_SECRET, a half-configured provider, an ARCHIVE_DIR that cannot be used) stops the server
// here, with the variable's name, rather than on the first visitor's request; sign-in setups that let
// nobody in are logged. It also puts our hooks in front of Next's HTTP server (methods Next cannot
// represent, query keys it drops), then opens the database (the archive's and the access log's, in
// every mode) and starts the archive's sync, unless ARCHIVE=off.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installHttpServerHooks } = await import("@/lib/server/http-server-hooks");
    installHttpServerHooks();
    const { checkAuthConfiguration } = await import("@/lib/server/auth/startup");
    const { startArchive } = await import("@/lib/server/archive/runtime");
    try {
      checkAuthConfiguration();
      await startArchive();
    } catch (error) {
      // Next logs a failing hook and goes on serving every request with a 500: stop instead.
      console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
