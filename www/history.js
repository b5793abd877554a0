// Recent results kept on this device (IndexedDB), so that they are there
// after a reload and offline; nothing leaves the browser. Capped, and the
// results' "Clear" removes them all. Without IndexedDB (a private window
// that refuses it) every call does nothing and results last for the visit.

const DB_NAME = "newsdecode";
const STORE = "results";
/** Entries kept: a working session's batches; the oldest go first. */
export const HISTORY_MAX = 50;
/**
 * Inputs kept with their article up to this size (bytes), so a restored
 * result can be decoded again with another encoding or script; a larger
 * page keeps its article only. With the cap, at most about 100 MB of pages.
 */
const INPUT_MAX = 2 * 1024 * 1024;
/**
 * Articles whose text is longer than this (characters) are not kept: a
 * whole book or a 50 MB dump would crowd out everything else.
 */
const ARTICLE_TEXT_MAX = 4 * 1024 * 1024;

let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function database() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch(() => null);
  return opening;
}

async function store(mode) {
  const db = globalThis.indexedDB ? await database() : null;
  return db?.transaction(STORE, mode).objectStore(STORE) ?? null;
}

function size(input) {
  if (typeof input === "string") return input.length * 3;
  return input?.size ?? input?.byteLength ?? Infinity;
}

/** The kept results, oldest first: `{historyId, name, input, article}`. */
export async function loadHistory() {
  try {
    const entries = (await request((await store("readonly")).getAll())) || [];
    return entries.map(({ id, name, input, article }) => ({ historyId: id, name, input, article }));
  } catch {
    return [];
  }
}

/** Keeps a decoded result (its article, and its input when small); drops the oldest past the cap. */
export async function saveResult(result) {
  if (!result.article || result.article.text.length > ARTICLE_TEXT_MAX) return;
  try {
    const input = size(result.input) <= INPUT_MAX ? result.input : null;
    const entry = { name: result.name, input, article: result.article, saved: Date.now() };
    if (result.historyId !== undefined) entry.id = result.historyId;
    result.historyId = await request((await store("readwrite")).put(entry));
    const keys = await request((await store("readonly")).getAllKeys());
    const excess = keys.length - HISTORY_MAX;
    if (excess > 0) {
      const writable = await store("readwrite");
      for (const key of keys.slice(0, excess)) writable.delete(key);
    }
  } catch {
    // Storage full or refused: the result stays for this visit.
  }
}

/** Removes every kept result. */
export async function clearHistory() {
  try {
    await request((await store("readwrite")).clear());
  } catch {
    // Nothing kept.
  }
}
