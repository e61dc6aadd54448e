import { useListOptions } from './use-list-options';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** The studio's statuses or types of one kind as select options; none while `kind` is null. */
export const useCatalogOptions = (catalog: 'statuses' | 'types', kind: string | null): Option[] =>
  useListOptions(kind ? `/${catalog}` : null, kind ? { kind } : {});

/** A select's value for an id, and the id for a select's value. */
export const idValue = (id: unknown) => (typeof id === 'number' ? String(id) : null);
export const idOf = (value: string | null) => (value ? Number(value) : null);
