/**
 * The base of every portal component. Components are rendered by the build only (tools/build/ssr.ts,
 * declarative shadow DOM): no page runs Lit, and the pages' plain scripts work on what was rendered.
 */
import { LitElement } from 'lit';

export class HsElement extends LitElement {}
