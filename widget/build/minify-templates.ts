/**
 * A Vite plugin for the element's build: collapses the whitespace of the `html` and `css` tagged
 * templates in widget/ (indentation is most of their bytes). Only the static parts change, found
 * through the TypeScript syntax tree, so `${…}` expressions and other strings are never touched.
 * HTML keeps one space wherever it had whitespace (what the browser renders is unchanged); CSS
 * loses comments and the spaces next to `{ } ; ,` and after `:`, which carry no meaning there.
 */
import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';

export function minifyHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

export function minifyTemplates(): Plugin {
  return {
    name: 'pay-portal:minify-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]widget[\\/].+\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const out = new MagicString(code);
      const visit = (node: ts.Node): void => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          (node.tag.text === 'html' || node.tag.text === 'css')
        ) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const part of parts) {
            // Between "`" or "}" and "`" or "${".
            const start = part.getStart(source) + 1;
            const closesTemplate =
              ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part);
            const end = part.end - (closesTemplate ? 1 : 2);
            if (end > start) {
              const text = code.slice(start, end);
              const minified = minify(text);
              if (minified !== text) out.overwrite(start, end, minified);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}
