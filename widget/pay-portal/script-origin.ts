/**
 * Where the element's backend is when the page does not say: the origin of the script that
 * defined the element. Read once, while the script runs; `document.currentScript` is the classic
 * <script> tag, and it is null in a module, where `import.meta.url` names the module instead.
 */
const script = typeof document === 'undefined' ? null : document.currentScript;

function scriptOrigin(): string {
  const source = (script as HTMLScriptElement | null)?.src || import.meta.url;
  try {
    return new URL(source).origin;
  } catch {
    return location.origin;
  }
}

export const defaultApiBase: string = scriptOrigin();
