// Prints the text of every page of a PDF as pdf.js (Firefox's reader) extracts it:
// getTextContent() items joined, a newline where pdf.js ends a line, a form feed after
// each page.  Usage: node tests/pdfjs_text.mjs FILE.pdf
// pdfjs-dist is looked up in $SAMOE_PDFJS (the folder holding node_modules), else .venv/node.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const prefix = process.env.SAMOE_PDFJS || join(here, "..", ".venv", "node");
const lib = join(prefix, "node_modules", "pdfjs-dist", "legacy", "build", "pdf.mjs");
const pdfjs = await import(pathToFileURL(lib).href);

const data = new Uint8Array(readFileSync(resolve(process.argv[2])));
const doc = await pdfjs.getDocument({ data, disableFontFace: true, useSystemFonts: false,
                                      isEvalSupported: false, verbosity: 0 }).promise;
const out = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  let text = "";
  for (const item of content.items) {
    if (item.str !== undefined) text += item.str + (item.hasEOL ? "\n" : "");
  }
  out.push(text + "\f");
  page.cleanup();
}
process.stdout.write(out.join(""));
await doc.destroy();
