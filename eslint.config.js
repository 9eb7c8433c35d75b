// @ts-check
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'artifacts', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // The page is hostile territory: page or imported text is never inserted as HTML.
  noUnsanitized.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML: page and imported text is untrusted.',
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
