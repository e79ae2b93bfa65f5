import type { ComponentChildren } from 'preact';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Shown beside the label, hidden from assistive technology (the label says it already). */
  preview?: ComponentChildren;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** A radio group in a fieldset: arrow keys move between choices, as the platform does it. */
export function ChoiceGroup<T extends string>({ name, legend, choices, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {choices.map((c) => {
        const id = `${name}-${c.value}`;
        return (
          <div class="choice" key={c.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={c.value}
              checked={c.value === value}
              aria-describedby={c.hint ? `${id}-hint` : undefined}
              onChange={() => onChange(c.value)}
            />
            <label for={id}>
              {c.label}
              {c.preview && (
                <span class="choice-preview" aria-hidden="true">
                  {c.preview}
                </span>
              )}
            </label>
            {c.hint && (
              <p class="hint" id={`${id}-hint`}>
                {c.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
