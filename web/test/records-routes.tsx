import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { NewRecordScreen } from '../src/screens/records/new-record-screen';
import { RecordDetailScreen } from '../src/screens/records/record-detail-screen';
import { RecordListScreen } from '../src/screens/records/record-list-screen';
import { RecordsHomeScreen } from '../src/screens/records/records-home-screen';

/** The Records screens under their addresses, as the app routes them. */
export const recordsRoutes = (
  <Routes>
    <Route path="/records" element={<RecordsHomeScreen />} />
    <Route path="/records/:path" element={<RecordListScreen />} />
    <Route path="/records/:path/new" element={<NewRecordScreen />} />
    <Route path="/records/:path/:id" element={<RecordDetailScreen />} />
  </Routes>
);

/** Opens a select (or a searchable picker) by its label and picks the option named `option`. */
export async function chooseOption(container: HTMLElement, label: string | RegExp, option: string | RegExp) {
  const box = within(container).getByRole('combobox', { name: label });
  await userEvent.click(box);
  const list = document.getElementById(box.getAttribute('aria-controls') ?? '');
  if (!list) throw new Error(`the select ${String(label)} has no list`);
  await userEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

export const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

export { screen };
