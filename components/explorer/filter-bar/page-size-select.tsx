"use client";

import { useId } from "react";

import { PAGE_SIZE_CHOICES } from "@/lib/filters";

import { FIELD_CLASS, LABEL_CLASS } from "./field-styles";

type PageSizeSelectProps = {
  value: number;
  onChange: (pageSize: number) => void;
};

/** "Page size": 30, 50 or 100 events per request (`page_size`; 30, Merge's default, stays out of the URL). */
export function PageSizeSelect({ value, onChange }: PageSizeSelectProps) {
  const id = useId();
  // A valid size from a hand-written URL (e.g. 42) is kept and shown rather than silently replaced.
  const choices: readonly number[] = (PAGE_SIZE_CHOICES as readonly number[]).includes(value)
    ? PAGE_SIZE_CHOICES
    : [...PAGE_SIZE_CHOICES, value].sort((a, b) => a - b);
  return (
    <div className="flex w-24 flex-col gap-1">
      <label htmlFor={id} className={LABEL_CLASS}>
        Page size
      </label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} className={FIELD_CLASS}>
        {choices.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}
