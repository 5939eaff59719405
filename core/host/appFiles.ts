import path from 'node:path';

/**
 * Maps a request URL on the app's own origin to a file under `rootDir`, or null when the URL
 * tries to leave it (`..`, encoded separators, absolute paths, NUL). `/` serves index.html.
 */
export function resolveAppPath(rootDir: string, url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin && `${parsed.protocol}//${parsed.host}` !== origin) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
