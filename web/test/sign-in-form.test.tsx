import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignInForm } from '../src/screens/sign-in/sign-in-form';
import { startTestStudio } from './test-studio';

const describedBy = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;

describe('sign-in form', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  beforeAll(async () => {
    studio = await startTestStudio();
  });
  afterAll(() => studio.close());

  const renderForm = () => {
    const onSignedIn = vi.fn();
    render(
      <MantineProvider>
        <SignInForm api={studio.api} onSignedIn={onSignedIn} />
      </MantineProvider>,
    );
    return onSignedIn;
  };

  it('labels its fields and shows the server’s problems under each one', async () => {
    const onSignedIn = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText(/^Email/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const password = screen.getByLabelText(/^Password/);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    // Each problem is the field's description, read out with it.
    expect(describedBy(email)).toBe('is required (at most 254 characters)');
    expect(describedBy(password)).toBe('is required (at most 200 characters)');
    // Every problem sits on its field: no alert repeats them.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says plainly that the email or password is wrong, and clears the password', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText(/^Email/), studio.email);
    await userEvent.type(screen.getByLabelText(/^Password/), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/email address or password/i);
    expect((screen.getByLabelText(/^Password/) as HTMLInputElement).value).toBe('');
  });

  it('signs in with the right password and hands over who signed in', async () => {
    const onSignedIn = renderForm();
    await userEvent.type(screen.getByLabelText(/^Email/), studio.email);
    await userEvent.type(screen.getByLabelText(/^Password/), studio.password);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(onSignedIn.mock.calls[0]?.[0]).toMatchObject({
      user: { email: studio.email },
      studio: { id: studio.fixture.studio.id },
      role: 'owner',
    });
  });
});
