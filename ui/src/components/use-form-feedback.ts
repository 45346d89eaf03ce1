import { useState } from 'react';
import { submitErrors, type FieldErrors } from '../auth/form-issues';

export const CHECK_FIELDS = 'Check the highlighted fields.';

export interface FormFeedback {
  /** Field → its refusal, from the draft's own checks or the server's issues. */
  errors: FieldErrors;
  /** The form's status line. */
  message: string | undefined;
  setMessage: (message: string | undefined) => void;
  /** The draft did not pass its own checks: mark the fields, with a line pointing at them (or none). */
  refuse: (errors: FieldErrors, message?: string | null) => void;
  /** A submit is on its way: what the last attempt showed no longer holds. */
  clear: () => void;
  /** The server refused: its issues on the fields this form has, otherwise its own message. */
  failed: (error: unknown, formFields: readonly string[]) => void;
}

/** What a form view over a draft is given: the draft, how it stands, and what it can ask for. */
export interface DraftFormProps<D> {
  draft: D;
  errors: FieldErrors;
  message: string | undefined;
  saving: boolean;
  onDraft: (draft: D) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The errors and status line of a form, and the three ways a submit changes them. */
export function useFormFeedback(initialMessage?: string): FormFeedback {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | undefined>(initialMessage);
  return {
    errors,
    message,
    setMessage,
    refuse: (fields, text = CHECK_FIELDS) => {
      setErrors(fields);
      setMessage(text ?? undefined);
    },
    clear: () => {
      setErrors({});
      setMessage(undefined);
    },
    failed: (error, formFields) => {
      const shown = submitErrors(error, formFields);
      setErrors(shown.fields);
      setMessage(shown.message);
    },
  };
}
