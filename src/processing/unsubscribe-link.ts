import { unsubscribeUrl } from '../domain/unsubscribe-token.js';

/**
 * Stands for the token while a marketing email is rendered: the token signs the communication's
 * id, which exists only once the email is written, so processing renders with this and puts the
 * real token in right after the insert (`writeActionPlan`). Letters, digits and dashes only, so
 * that HTML and URL escaping leave it as it is.
 */
export const UNSUBSCRIBE_TOKEN_SLOT = 'tf-unsubscribe-token';

/** The link marketing emails are rendered with, the token still to come. */
export function pendingUnsubscribeUrl(publicUrl: string): string {
  return unsubscribeUrl(publicUrl, UNSUBSCRIBE_TOKEN_SLOT);
}

/**
 * A marketing email's body with a visible unsubscribe link: as the template placed it
 * (`{{ links.unsubscribe_url }}`), or else a short footer at the end of each part, so that every
 * marketing email can be unsubscribed from in the body too, not only by the List-Unsubscribe header.
 */
export function withUnsubscribeLink(
  html: string | null,
  text: string | null,
  url: string,
): { html: string | null; text: string | null } {
  const footerHtml = `<p style="font-size:12px;color:#666666">Don't want these emails? <a href="${url}">Unsubscribe</a>.</p>`;
  let withHtml = html;
  if (html !== null && !html.includes(url)) {
    // Inside the body when the template is a whole document, so the footer is shown.
    const end = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
    withHtml =
      end === -1 ? `${html}\n${footerHtml}` : `${html.slice(0, end)}${footerHtml}\n${html.slice(end)}`;
  }
  const withText =
    text !== null && !text.includes(url) ? `${text.replace(/\s+$/, '')}\n\n--\nUnsubscribe: ${url}\n` : text;
  return { html: withHtml, text: withText };
}
