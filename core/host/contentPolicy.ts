/**
 * The Content-Security-Policy every app page is served with, by Electron's app:// protocol and
 * by the browser host alike. Nothing may load from outside the app, nothing may connect
 * anywhere, and no inline script runs. `wasm-unsafe-eval` is absent: WASM runs only in the core
 * worker, never in the renderer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function contentTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  return (
    CONTENT_TYPES[dot >= 0 ? filePath.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream'
  );
}

/** Headers for every app response: the CSP, and no sniffing or caching of app content. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
