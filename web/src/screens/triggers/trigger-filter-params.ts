import type { TriggerFilters } from '../../api/triggers-api';

const NAMES = ['trigger_type', 'sub_type', 'filter_status_id', 'filter_type_id', 'is_active', 'q'] as const;

/**
 * The list's filters live in the address (?trigger_type=…&is_active=true), so a filtered list can be
 * bookmarked, shared and returned to with Back.
 */
export function filtersOf(params: URLSearchParams): TriggerFilters {
  const filters: Record<string, string> = {};
  for (const name of NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters as TriggerFilters;
}

/** The filters with one changed; a narrower choice that no longer fits is dropped with it. */
export function changedFilters(filters: TriggerFilters, name: keyof TriggerFilters, value: string | null) {
  const next: Record<string, string | undefined> = { ...filters, [name]: value || undefined };
  if (name === 'trigger_type' || name === 'sub_type') {
    next.filter_status_id = undefined;
    next.filter_type_id = undefined;
  }
  if (name === 'trigger_type') next.sub_type = undefined;
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(next)) if (v) params.set(key, v);
  return params;
}

export const hasFilters = (filters: TriggerFilters) => Object.keys(filters).length > 0;
