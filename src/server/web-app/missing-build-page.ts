/**
 * What `/` answers when the web app was never built (a fresh clone started with `node
 * bin/triggerfish.js serve` rather than `npm start`): a page that says how to build it, rather than
 * a bare 404 that looks like a broken server. The API keeps working meanwhile.
 */
export const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Triggerfish: the web app is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The staff web app is not built yet</h1>
<p>The server is running and its API answers under <a href="/api/docs">/api/docs</a>, but the web app
has not been built into <code>dist-web/</code>.</p>
<p>Build it, then reload this page:</p>
<pre>npm run build:web</pre>
<p><code>npm start</code> builds it for you when its sources are newer than the build.</p>
</body>
</html>
`;
