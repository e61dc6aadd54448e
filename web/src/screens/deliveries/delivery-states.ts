import type { DeliveryState } from '../../api/deliveries-api';

/** The outbox states (docs/delivery.md) in the order a message moves through them, with colours. */
export const DELIVERY_STATES: readonly { value: DeliveryState; label: string; color: string }[] = [
  { value: 'queued', label: 'Queued', color: 'gray' },
  { value: 'sending', label: 'Sending', color: 'blue' },
  { value: 'sent', label: 'Sent', color: 'cyan' },
  { value: 'delivered', label: 'Delivered', color: 'teal' },
  { value: 'failed', label: 'Failed', color: 'red' },
  { value: 'canceled', label: 'Canceled', color: 'dark' },
];

export const stateLabel = (state: string) => DELIVERY_STATES.find((s) => s.value === state)?.label ?? state;
export const stateColor = (state: string) => DELIVERY_STATES.find((s) => s.value === state)?.color ?? 'gray';
