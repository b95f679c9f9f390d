/**
 * The one RouterOS `$(...)` engine of the project: the virtual router, the dev server, the build
 * check and the tests all render and inspect templates through this module.
 */
export { parseTemplate, type Template, type Node, type Condition, type TemplateWarning } from './parse.ts';
export { renderTemplate, listVariables, type RenderResult, type VariableUse } from './render.ts';
export { formEscape, resolveVariable, type RenderContext, type VariableSource, type RadiusAttributes } from './variables.ts';
export { parseErrorsTxt, errorVariables, type ErrorsTxt, type ErrorVariables } from './errors-txt.ts';
export { TemplateError, SourceMap, type Position } from './template-error.ts';
export { isKnownVariable, VARIABLES } from '../data/variables.ts';

import { parseTemplate } from './parse.ts';
import { renderTemplate, type RenderResult } from './render.ts';
import type { RenderContext } from './variables.ts';

/** Parses and renders in one step (tests, one-off rendering). */
export function render(text: string, file: string, ctx: RenderContext): RenderResult {
  return renderTemplate(parseTemplate(text, file), ctx);
}
