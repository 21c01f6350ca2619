import { useId, useState } from "react";
import { formatDate, localDateFromItalian } from "../format/italian";

interface Props {
  label: string;
  /** A LocalDate (2019-12-31), or null for none; read once: the text typed is the field's own from then on. */
  value: string | null;
  onChange: (value: string | null) => void;
  help?: string;
}

/**
 * A date typed as people in Italy write it (gg/mm/aaaa), whatever the browser's language: a native
 * date input shows the browser's own format. A date that does not read is said beside the field.
 */
export function ItalianDateInput({ label, value, onChange, help }: Props) {
  const id = useId();
  const [text, setText] = useState(value ? formatDate(value) : "");
  const [problem, setProblem] = useState(false);
  const commit = () => {
    if (text.trim() === "") {
      setProblem(false);
      onChange(null);
      return;
    }
    const date = localDateFromItalian(text);
    setProblem(date === null);
    if (date !== null) onChange(date);
  };
  const described = [help ? `${id}-help` : null, problem ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        placeholder="gg/mm/aaaa"
        size={10}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
      />
      {help && (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className="field-error">
          Data non valida: scrivila come gg/mm/aaaa.
        </span>
      )}
    </div>
  );
}
