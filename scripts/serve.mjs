// The development/static server: www/ at /, pkg/ at /pkg/, on 127.0.0.1.
// Plain Node (no dependencies). Sends the same Content-Security-Policy as the
// page's <meta> (image.html: its own, which allows remote images), serves .wasm as application/wasm, and refuses paths outside
// the two folders. Usage: node scripts/serve.mjs [--port N] (0 = any free port).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const www = join(root, "www");
const pkg = join(root, "pkg");

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "img-src 'self' blob: data:; style-src 'self'; worker-src 'self'; manifest-src 'self'; " +
  "object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'self'";

/** image.html's own policy (as its <meta>): remote images, nothing else. */
export const IMAGE_CSP =
  "default-src 'none'; img-src http: https:; script-src 'self'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Maps a URL path to a file under www/ or pkg/, or null when outside them. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const [base, rest] = path.startsWith("/pkg/") ? [pkg, path.slice(5)] : [www, path.slice(1)];
  const file = normalize(join(base, rest || "index.html"));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function startServer(port = 0, host = "127.0.0.1") {
  const server = createServer(async (req, res) => {
    const headers = {
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    };
    let file = fileFor(req.url || "/");
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, "index.html");
      if (!file || (req.method !== "GET" && req.method !== "HEAD")) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        ...(file.endsWith(`${sep}image.html`) ? { "Content-Security-Policy": IMAGE_CSP } : {}),
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("serve: --port takes a number from 0 to 65535");
    process.exit(2);
  }
  const { url } = await startServer(port);
  console.log(`newsdecode is being served at ${url}`);
}
