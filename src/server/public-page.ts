/** Text for HTML text and attribute values: the five characters that could end either. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The public pages (web forms, unsubscribe links) share one shell: plain, responsive and readable
 * on a phone: one column, large touch targets, system fonts, visible
 * focus, enough contrast. No JavaScript anywhere on these pages.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f4f2}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem;background:#fff;min-height:100vh}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
.studio{color:#555;margin:0}
fieldset{border:0;padding:0;margin:0 0 1.5rem}
legend{font-size:1.25rem;font-weight:600;padding:0;margin-bottom:.5rem}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.req{font-weight:400;color:#555}
.help{margin:0 0 .35rem;color:#444}
input[type=text],input[type=email],input[type=tel],input[type=date],select,textarea{display:block;width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #555;border-radius:4px;background:#fff;color:inherit}
textarea{min-height:8rem}
.check{display:flex;gap:.6rem;align-items:flex-start}
.check input{width:1.5rem;height:1.5rem;margin:.1rem 0 0;flex:none}
.check label{font-weight:400}
:focus{outline:3px solid #0b5cad;outline-offset:2px}
.has-error input,.has-error select,.has-error textarea{border-color:#b00020}
.has-error{border-left:4px solid #b00020;padding-left:.75rem}
.error{color:#b00020;font-weight:600;margin:0 0 .35rem}
.summary{border:3px solid #b00020;padding:1rem;margin:0 0 1.5rem}
.summary h2{margin:0 0 .5rem;font-size:1.2rem}
.summary a{color:#b00020;font-weight:600}
button{font:inherit;font-weight:600;padding:.75rem 1.5rem;border:0;border-radius:4px;background:#0b5cad;color:#fff;min-height:2.75rem;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** A whole page: `lang`, viewport, title and the studio's name above the content. */
export function pageHtml(title: string, studioName: string | null, body: string): string {
  const studio = studioName ? `<p class="studio">${escapeHtml(studioName)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${studio}
${body}
</main>
</body>
</html>
`;
}

/** A page that only says something: not found, expired, already sent, thank you. */
export function messagePageHtml(title: string, text: string, studioName: string | null = null): string {
  return pageHtml(title, studioName, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}
