import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { signIn, type Caller } from '../../api/auth-api';
import { signInProblem } from './sign-in-problem';

interface Props {
  api: ApiClient;
  onSignedIn: (caller: Caller) => unknown;
}

/**
 * Email and password. Problems of a field are said under that field (as the server words them);
 * a refused sign-in is said above the form, plainly, and the password is cleared for another try.
 */
export function SignInForm({ api, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const caller = await signIn(api, email.trim(), password);
      api.setCsrfToken(caller.csrf_token);
      await onSignedIn(caller);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFieldErrors(error.fieldErrors());
      setMessage(signInProblem(error));
      if (error.code === 'ERR_UNAUTHENTICATED') setPassword('');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
      <Stack>
        {message && (
          <Alert color="red" role="alert" title="Not signed in">
            {message}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          // Mantine marks a TextInput invalid for screen readers but not a PasswordInput's inner input.
          aria-invalid={Boolean(fieldErrors.password)}
        />
        <Button type="submit" loading={busy} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
