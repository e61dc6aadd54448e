import type { DeliveryFilters } from '../../api/deliveries-api';

const NAMES = ['channel', 'delivery_state', 'provider'] as const;

/** The filters live in the address (?delivery_state=failed), to bookmark, share and come back to. */
export function deliveryFiltersOf(params: URLSearchParams): DeliveryFilters {
  const filters: Record<string, string> = {};
  for (const name of NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters as DeliveryFilters;
}

export function changedDeliveryFilters(
  filters: DeliveryFilters,
  name: keyof DeliveryFilters,
  value: string | null,
) {
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries({ ...filters, [name]: value || undefined }))
    if (v) params.set(key, v);
  return params;
}
