/**
 * The option an arrow key moves to in a combobox's listbox (WAI-ARIA APG): from none, Down goes to
 * the first and Up to the last; past either end, round to the other; -1 when there is none.
 */
export function nextOptionIndex(current: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current === -1) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}
