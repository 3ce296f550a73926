import { USER_EMAIL_INPUT_NAME } from "@/components/explorer/filter-bar/filter-bar";

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

/** The filter bar's "User email" textbox, which `/` focuses. */
export function findUserEmailInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[name="${USER_EMAIL_INPUT_NAME}"]`);
}
