// A field that applies its filter when it loses focus adds or changes a chip. When the focus left
// because a pointer pressed another control (a chip's ✕, "Clear filters"), the new chip would shift
// that control between the press and the release, and the click the user made would land on
// nothing. So while a pointer is down, what the blur applies waits for the release: it runs as the
// click reaches the document, before the pressed control's own handler (which then builds on it),
// or, for a press that ends without a click, just after the release. Without a press (Tab, a tap
// whose press is already over) it runs at once.

let pressed = false;
let waiting: (() => void)[] = [];

function runWaiting(): void {
  const work = waiting;
  waiting = [];
  for (const run of work) run();
}

function release(): void {
  pressed = false;
  setTimeout(runWaiting, 0);
}

if (typeof document !== "undefined") {
  document.addEventListener("pointerdown", () => (pressed = true), { capture: true });
  document.addEventListener("pointerup", release, { capture: true });
  document.addEventListener("pointercancel", release, { capture: true });
  document.addEventListener("click", runWaiting, { capture: true });
}

/** Runs `work` now, or once the pointer pressed at this moment is released (before its click's handlers). */
export function afterPress(work: () => void): void {
  if (pressed) waiting.push(work);
  else work();
}
