// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'util', 'stream', 'net', 'http', 'https'];

/** Import boundaries of DESIGN.md (Layout): where each folder's code may run decides what it may import. */
const boundaries = [
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'react/*'], message: 'src/shared is pure TypeScript: no Node, DOM, React or Electron.' },
            { group: ['../main/*', '../renderer/*', '../preload/*', '../cli/*'], message: 'src/shared imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowTypeImports: true, message: "Only src/main/index.ts and src/main/electron/ import 'electron': the rest runs in plain Node." }],
          patterns: [{ group: ['*/renderer/*', '*/preload/*', '*/cli/*'], message: 'The main process does not import the renderer, preload or CLI.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.dossier.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer is a sandboxed web page: no Node modules.' },
            { group: ['*/main/*', '*/cli/*', '*/preload/*'], message: 'The renderer reaches main only through the contract in src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The CLI is headless: no Electron.' }] }],
    },
  },
];

/**
 * Node 24.21's Buffer#toString('utf16le') writes one byte past its heap buffer for an odd-length
 * slice at an odd offset (nodejs/node#64697): it corrupted the heap of the locked-investigation test
 * and crashed it later inside SQLite. TextDecoder('utf-16le') has no such path.
 */
const utf16ToString = {
  selector: "CallExpression[callee.property.name='toString'][arguments.0.value=/^(utf-?16le|ucs-?2)$/i]",
  message: "Decode UTF-16 with new TextDecoder('utf-16le'): Buffer#toString('utf16le') overruns its buffer in Node 24.21 (nodejs/node#64697).",
};

/** Security rules Electronegativity misses (issue 7), enforced everywhere in src. */
const securityRules = {
  files: ['src/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: "Property[key.name='sandbox'][value.value=false]", message: 'Every renderer is sandboxed (DESIGN.md, Security).' },
      { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration stays off (DESIGN.md, Security).' },
      { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation stays on (DESIGN.md, Security).' },
      { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on (DESIGN.md, Security).' },
      { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML into the app page; sanitised originals go in a sandboxed frame.' },
      { selector: "CallExpression[callee.object.name='contextBridge'] Identifier[name='ipcRenderer']", message: 'Never expose ipcRenderer; expose the contract-built API.' },
      utf16ToString,
    ],
  },
};

const openExternalRule = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/main/electron/security.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'shell', property: 'openExternal', message: 'Open external links only through openExternalSafely in src/main/electron/security.ts.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // Playwright fixtures that use no other fixture must still destructure `{}`.
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Build hooks electron-builder loads (scripts/after-pack.mjs) run in Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  ...boundaries,
  securityRules,
  { files: ['tests/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-restricted-syntax': ['error', utf16ToString] } },
  openExternalRule,
);
