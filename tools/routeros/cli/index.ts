/**
 * The RouterOS CLI subset, as a library with no SSH in it: `runConsole(source, env)` parses console
 * input or a .rsc script (v6 `/ip hotspot profile set …` and v7 `/ip/hotspot/profile/set …`
 * spellings, menu context lines, `#` comments, `\` continuations, quoted strings, `[find …]`) and
 * runs it against a router's database and file store. output.ts has what a client needs to read
 * the answers (`parseTerse`, `findCliError`) and to log them safely (`maskSecrets`).
 */
export { runConsole, IMPORT_OK, type CliResult, type Value } from './exec.ts';
export { CliError, type Pos } from './errors.ts';
export { lex } from './lexer.ts';
export { quote } from './print.ts';
export { findCliError, maskSecrets, parseKeyValues, parseObject, parseSize, parseTerse, SECRET_PROPS, type TerseItem } from './output.ts';
export { hasFileAdd, isV7, versionLabel, type RouterEnv } from './router-env.ts';
