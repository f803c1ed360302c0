// styrkoll serve: sends the chosen document to /api/check on this computer
// and shows the findings. Text from the document is only ever put into the
// page with textContent (never as HTML), and the downloaded report escapes it.
"use strict";

const SEVERITIES = [
  { key: "error", one: "fel", many: "fel", label: "Fel" },
  { key: "warning", one: "varning", many: "varningar", label: "Varning" },
  { key: "info", one: "info", many: "info", label: "Info" },
];
const SEV = Object.fromEntries(SEVERITIES.map((s) => [s.key, s]));

const $ = (id) => document.getElementById(id);
const state = { file: null, data: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c);
  }
  return node;
}

function count(n, sev) {
  return `${n} ${n === 1 ? sev.one : sev.many}`;
}

function setStatus(text) {
  $("status").textContent = text;
}

function showError(text) {
  const box = $("fel");
  box.textContent = text;
  box.hidden = !text;
}

async function check(file, profile) {
  state.file = file;
  showError("");
  setStatus(`Granskar ${file.name} …`);
  const form = new FormData();
  form.append("file", file, file.name);
  if (profile) form.append("profile", profile);
  let response;
  try {
    response = await fetch("/api/check", { method: "POST", body: form });
  } catch (e) {
    setStatus("");
    showError("Kunde inte nå styrkoll. Körs styrkoll serve fortfarande i terminalen?");
    return;
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || !body) {
    setStatus("");
    const why = body && body.error ? body.error : `svar ${response.status}`;
    showError(`${file.name} kunde inte granskas: ${why}.`);
    return;
  }
  state.data = body;
  render(body);
}

function render(data) {
  const file = data.files[0];
  const diags = file.diagnostics;
  $("filnamn").textContent = file.path;
  renderDoctype(data, file.profile);
  const summary = $("summary");
  summary.replaceChildren();
  const n = { error: data.summary.errors, warning: data.summary.warnings, info: data.summary.infos };
  for (const s of SEVERITIES) {
    summary.append(el("li", { class: n[s.key] ? `sev-${s.key}` : "sev-none", text: count(n[s.key], s) }));
  }
  const list = $("findings");
  list.replaceChildren();
  diags.forEach((d, i) => list.append(findingItem(d, i, (data.excerpts || [])[i])));
  $("resultat").hidden = false;
  applyFilter();
  const total = diags.length;
  setStatus(
    total === 0
      ? `${file.path} är granskad: inga fynd.`
      : `${file.path} är granskad: ${count(n.error, SEV.error)}, ${count(n.warning, SEV.warning)}, ${count(n.info, SEV.info)}.`
  );
  $("resultat").focus();
}

function renderDoctype(data, detected) {
  const select = $("doktyp");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "", text: "Känn igen automatiskt" }));
  for (const p of data.profiles || []) {
    select.append(el("option", { value: p, text: p }));
  }
  select.value = chosen;
  $("detected").textContent = chosen
    ? `(vald: ${chosen})`
    : detected
      ? `Igenkänd som ${detected}.`
      : "Ingen dokumenttyp kändes igen; välj en för att få typens regler.";
}

function where(d) {
  const parts = [];
  if (d.section) parts.push(`i avsnitt ${d.section}`);
  let place = `rad ${d.line}`;
  if (d.paragraph) place = `stycke ${d.paragraph}`;
  if (d.page) place = `sida ${d.page}`;
  parts.push(place);
  return parts.join(", ");
}

function findingItem(d, i, excerpt) {
  const sev = SEV[d.severity] || SEV.info;
  const item = el("li", {
    class: `finding sev-${d.severity}`,
    id: `fynd-${i}`,
    tabindex: "-1",
    "data-severity": d.severity,
    "data-section": d.section || "",
  });
  item.append(
    el("h4", {}, el("span", { class: "badge", text: sev.label }), d.message),
    el("p", { class: "where", text: `${d.rule} ${d.name} · ${where(d)}` })
  );
  if (excerpt && (excerpt.mark || excerpt.before || excerpt.after)) {
    item.append(
      el(
        "blockquote",
        { class: "quote", "aria-label": "Texten i dokumentet" },
        excerpt.before,
        excerpt.mark ? el("mark", { text: excerpt.mark }) : null,
        excerpt.after,
        excerpt.more_lines ? " …" : null
      )
    );
  }
  if (d.help) {
    item.append(el("p", { class: "help" }, el("strong", { text: "Så rättar du: " }), d.help));
  }
  const details = el("details", {}, el("summary", { text: `Om regeln ${d.rule}` }));
  details.addEventListener("toggle", () => loadExplanation(details, d.rule), { once: true });
  item.append(details);
  return item;
}

async function loadExplanation(details, rule) {
  const href = `/api/rules/${encodeURIComponent(rule)}`;
  const pre = el("pre", { text: "Hämtar …" });
  details.append(pre, el("p", {}, el("a", { href: `${href}?format=text`, target: "_blank", text: `Öppna förklaringen av ${rule} i en ny flik` })));
  try {
    const r = await fetch(href);
    const body = await r.json();
    pre.textContent = r.ok ? body.explanation : body.error;
  } catch (e) {
    pre.textContent = "Förklaringen kunde inte hämtas.";
  }
}

function shownSeverities() {
  return new Set(
    [...document.querySelectorAll(".filter input")].filter((c) => c.checked).map((c) => c.value)
  );
}

function applyFilter() {
  const show = shownSeverities();
  const items = [...document.querySelectorAll("#findings .finding")];
  let visible = 0;
  for (const item of items) {
    item.hidden = !show.has(item.dataset.severity);
    if (!item.hidden) visible++;
  }
  $("shown").textContent =
    items.length === 0
      ? "Inga fynd: dokumentet följer reglerna."
      : `Visar ${visible} av ${items.length} fynd.`;
  renderOutline(items.filter((i) => !i.hidden));
}

function renderOutline(visibleItems) {
  const list = $("outline");
  list.replaceChildren();
  const data = state.data;
  const sections = (data && data.outline && data.outline.sections) || [];
  const bySection = new Map();
  for (const item of visibleItems) {
    const key = item.dataset.section;
    if (!bySection.has(key)) bySection.set(key, []);
    bySection.get(key).push(item);
  }
  const outside = bySection.get("") || [];
  if (outside.length) {
    list.append(outlineItem("Dokumentet som helhet", 1, outside));
  }
  for (const s of sections) {
    const label = s.number ? `${s.number} ${s.text}` : s.text;
    list.append(outlineItem(label, s.level, bySection.get(s.path) || []));
  }
  if (!sections.length && !outside.length) {
    list.append(el("li", { class: "muted", text: "Dokumentet har inga rubriker." }));
  }
}

function outlineItem(label, level, items) {
  const li = el("li", { class: `level-${Math.min(level, 6)}` });
  if (!items.length) {
    li.append(label);
    return li;
  }
  const worst = SEVERITIES.find((s) => items.some((i) => i.dataset.severity === s.key));
  const link = el("a", { href: `#${items[0].id}` }, label);
  link.addEventListener("click", (e) => {
    e.preventDefault();
    items[0].scrollIntoView({ block: "start" });
    items[0].focus();
  });
  const words = `${items.length} fynd`;
  li.append(link, el("span", { class: `marker sev-${worst.key}`, "aria-label": `${words}, allvarligast: ${worst.one}`, text: words }));
  return li;
}

function setup() {
  const input = $("fil");
  const drop = $("drop");
  input.addEventListener("change", () => {
    if (input.files && input.files[0]) check(input.files[0], $("doktyp").value);
  });
  for (const ev of ["dragenter", "dragover"]) {
    drop.addEventListener(ev, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
  }
  for (const ev of ["dragleave", "drop"]) {
    drop.addEventListener(ev, () => drop.classList.remove("over"));
  }
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) check(file, $("doktyp").value);
  });
  // A file dropped beside the zone must not make the browser leave the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  $("doktyp").addEventListener("change", () => {
    if (state.file) check(state.file, $("doktyp").value);
  });
  for (const box of document.querySelectorAll(".filter input")) {
    box.addEventListener("change", applyFilter);
  }
  $("ladda-ner").addEventListener("click", () => {
    if (state.data) downloadReport(state.data);
  });
}

document.addEventListener("DOMContentLoaded", setup);
