// The start-up measurement shared by benches/bench.mjs and
// benches/startup_ab.mjs, given to `context.addInitScript`: as soon as the
// page takes input (`html[data-ui-ready]`, the decoder may still be loading)
// it pastes a small Chinese news text and decodes it; `window.__firstResult`
// is `performance.now()` (from navigation start) when the reader's title is
// in the DOM.
export function pasteWhenReady() {
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.uiReady === "true" && !window.__pasted) {
      window.__pasted = true;
      document.getElementById("paste").value = "标题：测试新闻\n\n本报讯 这是一段用于测量启动时间的简短新闻正文，内容足够组成一个段落。";
      document.getElementById("decode").click();
    }
    if (document.querySelector("#reader .title") && !window.__firstResult) {
      window.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}
