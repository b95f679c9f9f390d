/**
 * The texts of a page the build rendered with text anchors (`<!--t:key-->text<!--/t-->`, see
 * tools/build/ssr.ts), found in the document and its open shadow roots, and put in the current
 * language in place. Texts are set as text nodes: a router value in a placeholder is never markup.
 */
import { t, type TextKey } from '../../i18n/runtime.ts';

export interface TextAnchor {
  start: Comment;
  key: TextKey;
}

export function findTextAnchors(root: Node = document, out: TextAnchor[] = []): TextAnchor[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n instanceof Comment) {
      if (n.data.startsWith('t:')) out.push({ start: n, key: n.data.slice(2) as TextKey });
    } else if ((n as Element).shadowRoot) {
      findTextAnchors((n as Element).shadowRoot!, out);
    }
  }
  return out;
}

/** Each anchored text again, from its key with `params` for its {placeholders}. */
export function applyTextAnchors(anchors: readonly TextAnchor[], params: Record<string, string | number>): void {
  for (const { start, key } of anchors) {
    for (let n = start.nextSibling; n && !(n instanceof Comment && n.data === '/t'); n = start.nextSibling) n.remove();
    start.after(t(key, params));
  }
}
