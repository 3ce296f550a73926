// `npm run soak` options: SOAK_MINUTES (default 10) or --minutes=N for the length of the load, and
// --no-build to reuse the last build of the soak's snapshot.

export const DEFAULT_MINUTES = 10;

export type SoakOptions = { minutes: number; build: boolean };

function minutesFrom(text: string, source: string): number {
  const minutes = Number(text);
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 24 * 60) {
    throw new Error(`${source} must be a number of minutes from 1 to 1440, not "${text}"`);
  }
  return minutes;
}

export function parseSoakOptions(argv: readonly string[], env: Record<string, string | undefined>): SoakOptions {
  for (const arg of argv) {
    if (arg !== "--no-build" && !arg.startsWith("--minutes=")) throw new Error(`Unknown option ${arg}: use --minutes=N or --no-build`);
  }
  const flag = argv.findLast((arg) => arg.startsWith("--minutes="));
  const fromEnv = env.SOAK_MINUTES?.trim();
  const minutes = flag
    ? minutesFrom(flag.slice("--minutes=".length), "--minutes")
    : fromEnv
      ? minutesFrom(fromEnv, "SOAK_MINUTES")
      : DEFAULT_MINUTES;
  return { minutes, build: !argv.includes("--no-build") };
}
