import type { JSX } from 'preact';

/**
 * A labelled text-like input whose value lives in the caller's state: the label's text,
 * then the input, `onValue` called on every keystroke.
 */
export function Field({
  label,
  onValue,
  ...input
}: {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'date' | 'time' | 'text';
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <label>
      {label}
      <input
        {...(input as JSX.IntrinsicElements['input'])}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </label>
  );
}
