import { useCallback, useState } from 'react';
import { formProblemsOf } from './api-error';

/**
 * A form's request: while it runs, and afterwards the API's problems split into those of a field
 * (shown under the field) and the message above the form. `submit` answers whether it succeeded;
 * `reset` clears what an earlier request left, for a form reused for another record.
 */
export function useFormRequest() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (request: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFields({});
    setMessage(null);
    try {
      await request();
      return true;
    } catch (failure) {
      const problems = formProblemsOf(failure);
      setFields(problems.fields);
      setMessage(problems.message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  // Stable, so a form may reset in an effect keyed by the record it shows.
  const reset = useCallback(() => {
    setFields({});
    setMessage(null);
  }, []);

  return { fields, message, busy, submit, reset };
}
