// The picture of image.html: the address is the fragment, only http(s) is
// loaded, and the size is told to the page that framed it (same origin only)
// so the frame takes the picture's proportions.
const address = (() => {
  try {
    const url = new URL(decodeURIComponent(location.hash.slice(1)));
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
})();

function tell(message) {
  if (parent !== window) parent.postMessage({ type: "newsdecode-image", ...message }, location.origin);
}

// Styles through the CSSOM: the policy allows no style sheet.
Object.assign(document.documentElement.style, { margin: "0", height: "100%", background: "transparent" });
Object.assign(document.body.style, { margin: "0", height: "100%" });
if (address) {
  const img = document.createElement("img");
  img.referrerPolicy = "no-referrer";
  img.alt = "";
  Object.assign(img.style, { display: "block", width: "100%", height: "100%", objectFit: "contain" });
  img.addEventListener("load", () => tell({ width: img.naturalWidth, height: img.naturalHeight }));
  img.addEventListener("error", () => tell({ error: true }));
  img.src = address;
  document.body.append(img);
} else {
  tell({ error: true });
}
