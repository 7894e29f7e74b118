import type { JSX } from 'preact';

/**
 * A labelled text-like input whose value lives in the caller's state: the label's text,
 * then the input, `onValue` called on every keystroke.
 */
type FieldProps = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'date' | 'time' | 'text';
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  placeholder?: string;
};

/** A field of {@link Fields}: its value and setter as `bind` (what `useState` returned). */
export type FieldSpec = Omit<FieldProps, 'value' | 'onValue' | 'disabled'> & {
  bind: [string, (value: string) => void];
};

export function Field({ label, onValue, ...input }: FieldProps) {
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

/** Several {@link Field}s, all enabled or disabled together. */
export function Fields({ fields, disabled }: { fields: FieldSpec[]; disabled: boolean }) {
  return (
    <>
      {fields.map(({ bind: [value, onValue], ...field }) => (
        <Field key={field.name} {...field} value={value} onValue={onValue} disabled={disabled} />
      ))}
    </>
  );
}
