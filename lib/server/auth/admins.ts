import "server-only";

import { getAuthConfig } from "@/lib/server/auth/config";
import { DEMO_USER, isDemoSignInEnabled } from "@/lib/server/auth/demo";

// Admins see everyone's access-log entries, run Verify, and may rename or delete anyone's team
// views. They are the addresses in AUTH_ADMIN_EMAILS, and on demo data the demo user, so the demo
// shows every feature.

export function isAdminEmail(email: string, admins: ReadonlySet<string>, demoEnabled: boolean): boolean {
  const normalised = email.toLowerCase();
  return admins.has(normalised) || (demoEnabled && normalised === DEMO_USER.email);
}

/** Whether the signed-in user with this (allowed) email is an admin of this app. */
export function isAdmin(email: string): boolean {
  return isAdminEmail(email, getAuthConfig().admins, isDemoSignInEnabled());
}
