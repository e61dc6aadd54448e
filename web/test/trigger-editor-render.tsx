import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { TriggerEditorScreen } from '../src/screens/trigger-editor/trigger-editor-screen';
import type { Session } from '../src/session/session-context';
import { renderScreen } from './session-render';

/** The trigger editor at `path` (/triggers/new or /triggers/:id), as the app routes to it. */
export const openEditor = (session: Session, path: string) => {
  // jsdom lays nothing out; Mantine's combobox scrolls its chosen option into view.
  Element.prototype.scrollIntoView ??= () => {};
  return renderScreen(
    session,
    path,
    <Routes>
      <Route path="/triggers/:id" element={<TriggerEditorScreen />} />
    </Routes>,
  );
};

/** Opens the select labelled `label` and picks `option`, as a user would with the mouse. */
export const choose = async (label: string | RegExp, option: string | RegExp) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
};

/** The stored trigger called `name`, as the API lists it. */
export const storedTrigger = async (session: Session, name: string) => {
  const list = await session.api.get<{ data: { name: string; action_settings: Record<string, unknown> }[] }>(
    '/triggers',
  );
  return list.data.find((t) => t.name === name);
};
