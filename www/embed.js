// The demo on embed.html: feeds the textarea to the <news-decoder> element.
const input = document.getElementById("demo-input");
const element = document.getElementById("demo");
document.getElementById("demo-decode").addEventListener("click", () => {
  element.value = input.value;
});
