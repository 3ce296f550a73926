/** True when a key press belongs to a text field, so single-key shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "reset", "submit"].includes(target.type);
  }
  return target.getAttribute("role") === "combobox";
}

/** The filter bar's "User email" textbox, found by its accessible name so `/` can focus it. */
export function findUserEmailInput(): HTMLInputElement | null {
  const byName = document.querySelector<HTMLInputElement>('input[name="user_email"]');
  if (byName) return byName;
  for (const input of document.querySelectorAll<HTMLInputElement>("input")) {
    const label = input.getAttribute("aria-label") ?? Array.from(input.labels ?? [], (l) => l.textContent).join(" ");
    if (label.trim() === "User email") return input;
  }
  return null;
}
