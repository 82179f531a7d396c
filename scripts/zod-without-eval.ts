/**
 * A Vite plugin for the extension build: zod 4 probes for `Function` (to compile fast validators)
 * and keeps a `new Function` code generator. Extension stores flag both as eval, and MV3's policy
 * forbids it anyway. Here `Function` in those two zod files becomes a constructor that always
 * throws, which zod already handles: it finds eval unavailable and validates without compiling
 * (the same as `z.config({ jitless: true })`). The build fails if zod's code changes shape.
 */
import type { Plugin } from 'vite';

const ZOD_EVAL_SITES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/;
const FUNCTION_ALIAS = 'const F = Function;';
const NO_EVAL = "const F = function () { throw new EvalError('no eval in the extension'); };";

export function zodWithoutEval(): Plugin {
  return {
    name: 'zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_EVAL_SITES.test(id)) return null;
      if (!code.includes(FUNCTION_ALIAS)) {
        this.error(
          `zod-without-eval: ${id} no longer contains "${FUNCTION_ALIAS}"; update scripts/zod-without-eval.ts`,
        );
      }
      return { code: code.replaceAll(FUNCTION_ALIAS, NO_EVAL), map: null };
    },
  };
}
