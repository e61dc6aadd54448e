import type { DeliveryProviders } from './delivery-channels.js';

/**
 * Where a studio's new email and SMS deliveries go. A sandbox studio's always go to capture, so a
 * rehearsal never reaches a real person. Otherwise each channel goes to the installation's
 * provider, and email to SMTP as soon as the studio has its own server, even when the installation
 * has none (SMTP_URL unset) — its own settings win.
 */
export function studioProviders(
  studio: { readonly is_sandbox: number; readonly smtp_url: string | null },
  providers: DeliveryProviders,
): DeliveryProviders {
  if (studio.is_sandbox === 1) return { email: 'capture', sms: 'capture' };
  return studio.smtp_url ? { ...providers, email: 'smtp' } : providers;
}
