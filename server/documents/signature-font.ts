/**
 * A typed signature is written in a script face: Dancing Script (SIL Open Font License, from
 * `@fontsource/dancing-script`), which comes as a Latin and a Latin Extended file. Each character
 * of a name is drawn with the first face that has it, and DejaVu Serif Italic takes any other
 * script (Greek, Cyrillic…), so every name prints, and prints in script where it can.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const SIGNATURE_FONTS = {
  'script-latin': require.resolve(
    '@fontsource/dancing-script/files/dancing-script-latin-400-normal.woff',
  ),
  'script-latin-ext': require.resolve(
    '@fontsource/dancing-script/files/dancing-script-latin-ext-400-normal.woff',
  ),
  'signature-fallback': require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
} as const;

export type SignatureFont = keyof typeof SIGNATURE_FONTS;

const ORDER: SignatureFont[] = ['script-latin', 'script-latin-ext', 'signature-fallback'];
let faces: Map<SignatureFont, fontkit.Font> | null = null;

function loadFaces() {
  faces ??= new Map(
    ORDER.map((name) => [name, fontkit.openSync(SIGNATURE_FONTS[name]) as fontkit.Font]),
  );
  return faces;
}

/** The name cut into runs, each with the face that will draw it. */
export function signatureRuns(name: string): { font: SignatureFont; text: string }[] {
  const loaded = loadFaces();
  const runs: { font: SignatureFont; text: string }[] = [];
  for (const char of name) {
    const code = char.codePointAt(0)!;
    const font =
      // A space or mark takes the face of the run it is in.
      /\s/.test(char) && runs.length > 0
        ? runs[runs.length - 1]!.font
        : (ORDER.find((face) => loaded.get(face)!.hasGlyphForCodePoint(code)) ??
          'signature-fallback');
    const last = runs[runs.length - 1];
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}
