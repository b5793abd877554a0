// MHTML (.mht/.mhtml, "web archive, single file"): a MIME multipart message
// whose root part is the page. We take the first text/html part and undo its
// transfer encoding; the HTML bytes then go through the library's own
// decoding (meta prescan / detection), like any other page.

/**
 * Returns the bytes of the first text/html part of an MHTML message, or null
 * when there is none. Bytes in, bytes out: no character decoding here.
 */
export function htmlFromMhtml(bytes) {
  const text = latin1(bytes);
  const headerEnd = text.search(/\r?\n\r?\n/);
  if (headerEnd < 0) return null;
  const headers = text.slice(0, headerEnd).replace(/\r?\n[ \t]+/g, " ");
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(headers);
  if (!boundary) return null;
  const parts = text.slice(headerEnd).split("--" + (boundary[1] || boundary[2]));
  for (const part of parts) {
    const body = part.search(/\r?\n\r?\n/);
    if (body < 0) continue;
    const partHeaders = part.slice(0, body).replace(/\r?\n[ \t]+/g, " ");
    if (!/^\s*content-type:\s*text\/html/im.test(partHeaders)) continue;
    const encoding = (/content-transfer-encoding:\s*([\w-]+)/i.exec(partHeaders)?.[1] || "8bit").toLowerCase();
    const content = part.slice(body).replace(/^\r?\n\r?\n/, "").replace(/\r?\n$/, "");
    if (encoding === "quoted-printable") return quotedPrintable(content);
    if (encoding === "base64") return base64(content);
    return binary(content);
  }
  return null;
}

/** Bytes as a string of code units 0–255 (not windows-1252: every byte kept). */
function latin1(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function binary(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function quotedPrintable(text) {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
      // A soft line break: "=" at the end of a line.
      const soft = /^\r?\n/.exec(text.slice(i + 1, i + 3));
      if (soft) {
        i += soft[0].length;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function base64(text) {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, "");
  try {
    return binary(atob(clean));
  } catch {
    return null;
  }
}
