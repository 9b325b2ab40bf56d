// ESLint: typescript-eslint's type-aware rules, and the layering of the folders (README,
// "Architecture"): each folder may import only the layers below it, so the shape cannot
// quietly rot. A disable comment must say why on the same line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders a file in each folder must not import from (relative imports only: the project has no path aliases). */
const FORBIDDEN = {
  core: ['cassettes', 'contracts', 'report', 'proxy', 'drift', 'verify', 'harness'],
  cassettes: ['contracts', 'report', 'proxy', 'drift', 'verify', 'harness'],
  contracts: ['cassettes', 'report', 'proxy', 'drift', 'verify', 'harness'],
  report: ['cassettes', 'contracts', 'proxy', 'drift', 'verify', 'harness'],
  proxy: ['report', 'drift', 'verify', 'harness'],
  drift: ['proxy', 'verify', 'harness'],
  verify: ['proxy', 'drift', 'harness'],
};
const LAYERS = 'core ← cassettes, contracts, report ← proxy, drift, verify ← harness';

function layerRule(folder, forbidden) {
  return {
    files: [`${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')}|bench|test|scripts)/|^(\\.\\./)+index\\.js$`,
              message: `${folder}/ sits below what this imports (${LAYERS}): move the shared piece down instead.`,
            },
          ],
        },
      ],
    },
  };
}

/** A disable comment must say why, after ` -- ` on the same line (ESLint's own description syntax). */
const requireReason = {
  meta: { type: 'problem', schema: [], messages: { missing: 'Say why on the same line: `// eslint-disable-next-line <rule> -- <reason>`.' } },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (/^\s*eslint-disable/.test(comment.value) && !/\s--\s+\S/.test(comment.value)) context.report({ loc: comment.loc, messageId: 'missing' });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'contracts/generated/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { tapegate: { rules: { 'disable-needs-reason': requireReason } } },
    rules: {
      // Unused parameters named _x are deliberate (a signature to satisfy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'tapegate/disable-needs-reason': 'error',
      // A caught error is passed on as it came, rejected as it would be rethrown (only-throw-error
      // allows rethrowing by default): wrapping it would lose its class (a TapegateError's exit code).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  ...Object.entries(FORBIDDEN).map(([folder, forbidden]) => layerRule(folder, forbidden)),
);
