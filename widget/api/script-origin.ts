/**
 * Where the element's backend is when the page does not say: the origin of the script that
 * defined the element. Read once, while the script runs; `document.currentScript` is the classic
 * <script> tag, and it is null in a module, where `import.meta.url` names the module instead.
 */
const script = typeof document === 'undefined' ? null : document.currentScript;

function scriptUrl(): URL {
  const source = (script as HTMLScriptElement | null)?.src || import.meta.url;
  try {
    return new URL(source);
  } catch {
    return new URL(location.href);
  }
}

export const defaultApiBase: string = scriptUrl().origin;

/**
 * A lazily loaded part of the build (widget/build/lazy-parts.ts), beside the script itself,
 * wherever the page loaded it from (a classic script's relative `import()` would resolve against
 * the page instead).
 */
export function partUrl(fileName: string): string {
  return new URL(fileName, scriptUrl()).href;
}
