/**
 * The base of every portal component. Pages arrive rendered by the build (declarative shadow DOM), so a
 * component may find its shadow root already filled when its script defines it:
 *  - an element in the light DOM (a page, the language picker) takes the rendered content over: it
 *    clears it and renders again in the same task, before the browser paints, keeping what the guest
 *    typed or ticked and where the focus was;
 *  - an element inside such rendered content (a form inside a page) stays as rendered and never
 *    updates: its parent's first render replaces it moments later.
 */
import { LitElement, type PropertyValues } from 'lit';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Kept {
  /** Only what the guest changed in the rendered page: the rest is the page's own (router values, links). */
  fields: Map<string, { value?: string; checked?: boolean }>;
  focus: string | undefined;
}

/** Form fields with an id anywhere under `root`, open shadow roots included. */
function fieldsUnder(root: ParentNode, out: Field[] = []): Field[] {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.id) out.push(el);
    if (el.shadowRoot) fieldsUnder(el.shadowRoot, out);
  }
  return out;
}

function deepActive(root: DocumentOrShadowRoot): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot ? (deepActive(active.shadowRoot) ?? active) : active;
}

/** Every portal component under `root` that has not finished its first render. */
async function settled(root: ParentNode): Promise<void> {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el instanceof HsElement) {
      await el.updateComplete;
      await settled(el.renderRoot);
    }
  }
}

export class HsElement extends LitElement {
  /** Rendered by the build inside another rendered element: left alone until that one replaces it. */
  private frozen = false;
  private kept: Kept | undefined;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const rendered = this.shadowRoot;
    if (rendered && rendered.childNodes.length && !this.hasUpdated) {
      if (this.getRootNode() !== document) {
        this.frozen = true;
        return rendered;
      }
      const fields = new Map<string, { value?: string; checked?: boolean }>();
      for (const f of fieldsUnder(rendered)) {
        if (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio')) {
          if (f.checked !== f.defaultChecked) fields.set(f.id, { checked: f.checked });
        } else if (!(f instanceof HTMLSelectElement) && f.value !== f.defaultValue) fields.set(f.id, { value: f.value });
      }
      const active = deepActive(document);
      this.kept = { fields, focus: active && fieldsUnder(rendered).includes(active as Field) ? active.id : undefined };
      rendered.replaceChildren();
    }
    return super.createRenderRoot();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return !this.frozen && super.shouldUpdate(changed);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    const kept = this.kept;
    if (!kept) return;
    this.kept = undefined;
    void settled(this.renderRoot).then(() => {
      for (const f of fieldsUnder(this.renderRoot)) {
        if (f.id === kept.focus) f.focus();
        const was = kept.fields.get(f.id);
        if (!was) continue;
        if (was.checked !== undefined) {
          if (was.checked !== (f as HTMLInputElement).checked) f.click(); // through the component, so its state follows
        } else if (was.value !== undefined) {
          f.value = was.value;
        }
      }
    });
  }
}
