import type { BlankFormDocument, BlankFormEntry } from '../core/printing/blank-form-document.js';
import { escapeHtml } from './html-escape.js';


const STYLE = `@page{size:A4;margin:20mm}body{font-family:'Noto Sans',sans-serif;font-size:10pt;color:#000}
h1{font-size:16pt;text-align:center;margin:0 0 4pt}h2{font-size:12pt;margin:14pt 0 4pt;break-after:avoid}
.entry{margin:8pt 0;break-inside:avoid}.label{font-weight:bold}.small{font-size:8.5pt}.line{border-bottom:0.6pt solid #000;height:20pt}
.boxes span{display:inline-block;width:16pt;height:16pt;border:0.6pt solid #000;margin-right:-0.6pt}.option{margin:3pt 0}
.option span{display:inline-block;width:10pt;height:10pt;border:0.6pt solid #000;margin-right:6pt;vertical-align:middle}
.inner{margin-left:14pt}.footer{font-size:8pt;text-align:center;margin-top:18pt}`;

/** The blank form as plain HTML for Electron to print: every text escaped, no scripts, A4. */
export function blankFormHtml(form: BlankFormDocument): string {
  const parts = form.parts
    .map(
      (part) =>
        `<h2>${escapeHtml(part.title ? `${part.heading}. ${part.title}` : part.heading)}</h2>` +
        (part.condition ? `<p class="small">${escapeHtml(part.condition)}</p>` : '') +
        part.entries.map(entryHtml).join(''),
    )
    .join('');
  return `<!doctype html><html lang="${form.language}"><meta charset="utf-8"><title>${escapeHtml(form.title)}</title><style>${STYLE}</style><body>
    <h1>${escapeHtml(form.title)}</h1><p style="text-align:center">${escapeHtml(form.serviceLabel)}: ${escapeHtml(form.serviceTitle)}</p>
    <p class="small">${escapeHtml(form.instructions)}</p>${parts}<div style="margin-top:18pt">${form.closing.map(entryHtml).join('')}</div>
    <p class="footer">${escapeHtml(form.footer)}</p></body></html>`;
}

function entryHtml(entry: BlankFormEntry): string {
  const head =
    `<div class="label">${escapeHtml(entry.label)}</div>` +
    (entry.hint ? `<div class="small">${escapeHtml(entry.hint)}</div>` : '') +
    (entry.condition ? `<div class="small">${escapeHtml(entry.condition)}</div>` : '');
  return `<div class="entry">${head}${placeHtml(entry)}</div>`;
}

function placeHtml(entry: BlankFormEntry): string {
  switch (entry.kind) {
    case 'lines':
      return '<div class="line"></div>'.repeat(entry.lines);
    case 'boxes':
      return `<div class="boxes">${entry.prefix ? `${escapeHtml(entry.prefix)} ` : ''}${'<span></span>'.repeat(entry.count)}</div>`;
    case 'date':
      return `<div>${escapeHtml(entry.pattern)} (${escapeHtml(entry.format)})</div>`;
    case 'choice':
      return `<div class="small">${escapeHtml(entry.instruction)}</div>${entry.options.map((option) => `<div class="option"><span></span>${escapeHtml(option)}</div>`).join('')}`;
    case 'parts':
      return `<div class="inner">${entry.parts.map(entryHtml).join('')}</div>`;
    case 'calculated':
      return `<div class="small">${escapeHtml(entry.description)}</div><div class="line" style="width:50%"></div>`;
    case 'group':
      return (
        `<div class="small">${escapeHtml(entry.rule)}</div>` +
        entry.items.map((item) => `<div class="inner"><div class="label">${escapeHtml(item.heading)}</div>${item.entries.map(entryHtml).join('')}</div>`).join('')
      );
  }
}
