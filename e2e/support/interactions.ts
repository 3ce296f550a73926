import { expect, test, type Locator } from "@playwright/test";

// Issue 13's "Done when": each of the analyst's questions is answered in at most three interactions.
// A journey acts only through this counting user, so the spec shows the count instead of claiming
// it. One interaction is one click, one hover, one key press, or typing one value into a field (the
// focus that typing needs comes with it). Reading what the page shows is not an interaction.

export const MAX_INTERACTIONS = 3;

export type CountingUser = {
  click(target: Locator): Promise<void>;
  hover(target: Locator): Promise<void>;
  type(target: Locator, text: string): Promise<void>;
  press(target: Locator, key: string): Promise<void>;
};

/**
 * Runs `journey` (its actions and the checks of the answer it leads to), then fails if it took more
 * than `limit` interactions. The interactions are listed in the test's annotations.
 */
export async function answerWithin(limit: number, journey: (user: CountingUser) => Promise<void>): Promise<void> {
  const done: string[] = [];
  const act = async (what: string, action: () => Promise<void>) => {
    done.push(what);
    await action();
  };
  await journey({
    click: (target) => act(`click ${target}`, () => target.click()),
    hover: (target) => act(`hover ${target}`, () => target.hover()),
    type: (target, text) => act(`type "${text}" into ${target}`, () => target.fill(text)),
    press: (target, key) => act(`press ${key} in ${target}`, () => target.press(key)),
  });
  test.info().annotations.push({ type: "interactions", description: `${done.length}: ${done.join("; ")}` });
  expect(done.length, `interactions: ${done.join("; ")}`).toBeLessThanOrEqual(limit);
}
