// Types of the <news-decoder> custom element (pkg/news-decoder.js).
import type { Article, NewsdecodeError } from "./newsdecode.js";

/** `<news-decoder script format lang encoding>`: decodes `value`, shows the article. */
export declare class NewsDecoder extends HTMLElement {
  /** The input: HTML or text as a string, or the page's bytes. */
  value: string | Uint8Array | ArrayBuffer | Blob | null;
  /** The last decoded article, or null. */
  readonly article: Article | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "news-decoder": NewsDecoder;
  }
  interface HTMLElementEventMap {
    /** Fired by <news-decoder> after each successful decode. */
    decoded: CustomEvent<{ article: Article }>;
  }
}

export type { Article, NewsdecodeError };
