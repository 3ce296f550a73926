"use client";

import { FILTER_VALUE_SCHEMAS } from "@/lib/filters";

import { TextFilter } from "./text-filter";

/** The input's `name` (and Merge's parameter): the explorer's `/` shortcut finds the field by it. */
export const USER_EMAIL_INPUT_NAME = "user_email";

type UserEmailFilterProps = {
  value: string | undefined;
  /** Called with a valid address, or null to remove the filter; never with a malformed one. */
  onApply: (email: string | null) => void;
};

/** "User email": applied on Enter or blur, checked by the shared schema before it reaches the URL. */
export function UserEmailFilter({ value, onApply }: UserEmailFilterProps) {
  return (
    <TextFilter
      label="User email"
      name={USER_EMAIL_INPUT_NAME}
      placeholder="jane@acme.com"
      inputMode="email"
      schema={FILTER_VALUE_SCHEMAS.user_email}
      value={value}
      onApply={onApply}
    />
  );
}
