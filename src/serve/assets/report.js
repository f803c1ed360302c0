// styrkoll serve: "Ladda ner rapport" builds a self-contained HTML file (inline
// CSS, no script) from the JSON report the page already has, in the browser.
"use strict";

function escapeHtml(s) {
  return String(s === null || s === undefined ? "" : s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const REPORT_CSS = `
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
.summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.summary li{padding:.3rem .8rem;border-radius:.3rem;font-weight:600;color:#fff}
.sev-error{background:#a4161a}.sev-warning{background:#7a4a00}.sev-info{background:#1d4f91}
.finding{border:1px solid #4a4a4a;border-left:.5rem solid #4a4a4a;border-radius:.3rem;padding:.6rem 1rem;margin:0 0 1rem}
.finding.error{border-left-color:#a4161a}.finding.warning{border-left-color:#7a4a00}.finding.info{border-left-color:#1d4f91}
.badge{display:inline-block;padding:0 .5rem;border-radius:.25rem;font-size:.85rem;color:#fff;margin-right:.4rem}
.where{color:#4a4a4a;margin:.25rem 0}
blockquote{margin:.5rem 0;padding:.5rem .75rem;background:#f3f5f8;border-left:.25rem solid #4a4a4a;white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:#fff3b0;color:#1a1a1a;font-weight:600}
ol.findings{list-style:none;padding:0}
.outline li{margin:.15rem 0}
@media print{.finding{break-inside:avoid}}
`;

function reportHtml(data) {
  const file = data.files[0];
  const labels = { error: "Fel", warning: "Varning", info: "Info" };
  const s = data.summary;
  const when = new Date().toLocaleString("sv-SE");
  const excerpts = data.excerpts || [];
  const bySection = new Map();
  for (const d of file.diagnostics) {
    bySection.set(d.section || "", (bySection.get(d.section || "") || 0) + 1);
  }
  const outline = ((data.outline && data.outline.sections) || [])
    .map((sec) => {
      const n = bySection.get(sec.path) || 0;
      const label = sec.number ? `${sec.number} ${sec.text}` : sec.text;
      return `<li style="margin-left:${(sec.level - 1) * 1.25}rem">${escapeHtml(label)}${n ? ` — <strong>${n} fynd</strong>` : ""}</li>`;
    })
    .join("\n");
  const findings = file.diagnostics
    .map((d, i) => {
      const e = excerpts[i];
      const place = d.page ? `sida ${d.page}` : d.paragraph ? `stycke ${d.paragraph}` : `rad ${d.line}`;
      const quote = e && (e.mark || e.before || e.after)
        ? `<blockquote>${escapeHtml(e.before)}<mark>${escapeHtml(e.mark)}</mark>${escapeHtml(e.after)}${e.more_lines ? " …" : ""}</blockquote>`
        : "";
      return `<li class="finding ${escapeHtml(d.severity)}">
<strong><span class="badge sev-${escapeHtml(d.severity)}">${labels[d.severity] || escapeHtml(d.severity)}</span>${escapeHtml(d.message)}</strong>
<p class="where">${escapeHtml(d.rule)} ${escapeHtml(d.name)} · ${d.section ? `i avsnitt ${escapeHtml(d.section)}, ` : ""}${place}</p>
${quote}${d.help ? `<p><strong>Så rättar du:</strong> ${escapeHtml(d.help)}</p>` : ""}</li>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Granskning av ${escapeHtml(file.path)}</title><style>${REPORT_CSS}</style></head>
<body><main>
<h1>Granskning av ${escapeHtml(file.path)}</h1>
<p>Granskad med styrkoll ${escapeHtml(when)}. Dokumenttyp: ${escapeHtml(file.profile || "ingen känd")}.</p>
<ul class="summary"><li class="sev-error">${s.errors} fel</li><li class="sev-warning">${s.warnings} ${s.warnings === 1 ? "varning" : "varningar"}</li><li class="sev-info">${s.infos} info</li></ul>
<h2>Dokumentets disposition</h2>
<ol class="outline" style="list-style:none;padding:0">${outline || "<li>Dokumentet har inga rubriker.</li>"}</ol>
<h2>Att rätta</h2>
<ol class="findings">${findings || "<li>Inga fynd: dokumentet följer reglerna.</li>"}</ol>
</main></body></html>
`;
}

function downloadReport(data) {
  const file = data.files[0];
  const blob = new Blob([reportHtml(data)], { type: "text/html;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const base = file.path.replace(/\.[^.]+$/, "") || "dokument";
  const a = document.createElement("a");
  a.href = url;
  a.download = `styrkoll-rapport-${base}.html`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  document.getElementById("status").textContent = `Rapporten är sparad som ${a.download} i mappen för hämtade filer.`;
}
