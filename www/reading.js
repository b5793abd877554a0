// Reading: the article brought forward after a decode (scrolled to, focused,
// so a screen reader reads its title), a full-width reading mode with a way
// back to the input, and reading settings (text size, line width, font)
// remembered on the device. Printing prints the article alone (style.css).

const $ = (id) => document.getElementById(id);

/** Reading settings: element id → [storage key, data attribute, default]. */
const SETTINGS = {
  "reader-size": ["readerSize", "size", "m"],
  "reader-width": ["readerWidth", "width", "medium"],
  "reader-font": ["readerFont", "font", "sans"],
};

/**
 * Wires the reading mode button and the settings. `stored(key, fallback)` and
 * `store(key, value)` keep choices on the device; `t()` gives the current
 * translator (the button's label changes with the mode).
 */
export function wireReading({ stored, store, t }) {
  const section = $("reader-section");
  for (const [id, [key, attribute, fallback]] of Object.entries(SETTINGS)) {
    const select = $(id);
    const apply = (value) => {
      const known = [...select.options].some((o) => o.value === value) ? value : fallback;
      select.value = known;
      section.dataset[attribute] = known;
    };
    apply(stored(key, fallback));
    select.addEventListener("change", () => {
      store(key, select.value);
      apply(select.value);
    });
  }
  $("reading-mode").addEventListener("click", () => setReadingMode(!document.body.classList.contains("reading"), t));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && document.body.classList.contains("reading")) setReadingMode(false, t);
  });
}

/**
 * Turns the full-width reading mode on or off. Leaving it returns to the
 * input: the text box takes focus.
 */
export function setReadingMode(on, t) {
  document.body.classList.toggle("reading", on);
  const button = $("reading-mode");
  button.setAttribute("aria-pressed", String(on));
  button.dataset.i18n = on ? "reading.back" : "reading.mode";
  button.textContent = t()(button.dataset.i18n);
  if (on) focusArticle();
  else {
    $("paste").focus({ preventScroll: true });
    $("input-section").scrollIntoView({ block: "start" });
  }
}

/**
 * Brings the article forward: its section scrolled to the top of the
 * viewport and its title focused (a heading, reachable by script only), so
 * keyboard and screen-reader users land on it.
 */
export function focusArticle() {
  const title = $("reader").querySelector(".title") || $("reader-heading");
  title.tabIndex = -1;
  title.focus({ preventScroll: true });
  $("reader-section").scrollIntoView({ block: "start" });
}
