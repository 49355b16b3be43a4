// TitleScore's page: the applicant's form with a live score, the employer's standing in a cohort, and the office's
// ranked list. Everything it shows comes from the server's API (docs/api.md); every text from an applicant or a
// file goes into the page as text (textContent), never as markup.
"use strict";

const state = { sheets: [], guides: [], form: null, sheetId: null, sequence: 0, timer: 0, upload: null, rows: [],
  lang: "zh", words: {}, files: {} };
const DRAFT = "titlescore.draft.v1";
const LANGUAGE = "titlescore.lang";

/** A word of the page from the catalogue (`page.*`), its `{0}`, `{1}` … filled with `values`. */
function w(key, ...values) {
  const template = state.words["page." + key];
  if (template === undefined) return key;
  return template.replace(/\{(\d+)\}/g, (match, index) => (index < values.length ? String(values[index]) : match));
}

async function loadWords() {
  state.words = await api("/api/words?lang=" + state.lang);
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = w("title");
  for (const node of document.querySelectorAll("[data-word]")) node.textContent = w(node.dataset.word.slice(5));
}

function $(selector) { return document.querySelector(selector); }

/** An element with attributes (`class`, `text`, anything else as an attribute) and children (text or nodes). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, body, raw) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": raw ? "application/octet-stream" : "application/json" },
    body: raw ? body : JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const type = response.headers.get("Content-Type") || "";
  const payload = type.startsWith("application/json") ? await response.json() : await response.blob();
  if (!response.ok) throw Object.assign(new Error("HTTP " + response.status), { payload, status: response.status });
  return payload;
}

/** A refusal the server made before it read the request (it has no diagnostics), worded by its status. */
const REFUSALS = [400, 408, 411, 413, 431, 503, 505];
function refusal(status) { return REFUSALS.includes(status) ? w("http" + status) : w("httpOther", status); }

function problems(error) {
  const list = (error.payload && error.payload.diagnostics) || [];
  if (!list.length) {
    return el("p", { class: "error", text: error.status ? refusal(error.status) : String(error.message || error) });
  }
  return el("ul", { class: "error" }, list.map((d) => el("li", { text: d.text || d.message })));
}

function points(value) {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? value.min + "–" + value.max : String(value);
}
function low(value) { return typeof value === "object" && value !== null ? value.min : value; }
function high(value) { return typeof value === "object" && value !== null ? value.max : value; }

// MARK: - Views

function showView(name) {
  for (const button of document.querySelectorAll("#views button")) {
    button.classList.toggle("active", button.dataset.view === name);
  }
  for (const view of ["applicant", "employer", "office"]) $("#" + view + "-view").hidden = view !== name;
  // The employer weighs the candidate filled in on the applicant's form: it stays visible beside the standing.
  if (name === "employer") $("#applicant-view").hidden = false;
}

// MARK: - Choosing a route

function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label })));
  if (selected !== undefined && options.some(([value]) => value === selected)) select.value = selected;
}

function chooseRoute(preferredSheet) {
  const city = $("#city").value, specialty = $("#specialty").value;
  const matching = state.sheets.filter((sheet) => (!city || sheet.city === city)
    && (!specialty || sheet.specialties.some((s) => s.code === specialty)));
  fillSelect($("#sheet"), matching.map((sheet) => [sheet.id,
    sheet.title + " · " + sheet.routeName + (sheet.threshold !== null ? " · " + w("points-suffix", sheet.threshold) : "")]),
    preferredSheet || state.sheetId);
  const advice = [];
  for (const guide of state.guides) {
    if (city && guide.city !== city) continue;
    for (const entry of guide.entries) {
      if (specialty && !entry.specialties.some((s) => s.code === specialty)) continue;
      advice.push(entry.routeName + " — " + entry.applicants);
    }
  }
  $("#route-advice").textContent = advice.join("　");
  if ($("#sheet").value && $("#sheet").value !== state.sheetId) loadForm($("#sheet").value);
}

async function loadSheets() {
  const data = await api("/api/sheets?lang=" + state.lang);
  state.sheets = data.sheets;
  state.guides = data.guides;
  const cities = new Map(), specialties = new Map();
  for (const sheet of state.sheets) {
    cities.set(sheet.city, sheet.cityName);
    for (const s of sheet.specialties) specialties.set(s.code, s.name);
  }
  fillSelect($("#city"), [["", w("all-cities")], ...cities]);
  fillSelect($("#specialty"), [["", w("all-specialties")], ...specialties]);
  const draft = readDraft();
  const sheet = state.sheets.find((s) => s.id === (draft && draft.sheet));
  if (sheet) { $("#city").value = sheet.city; $("#specialty").value = sheet.specialties[0].code; }
  chooseRoute(sheet && sheet.id);
}

// MARK: - The form

function input(field, path) {
  const attributes = { "data-path": path || field.path, "data-kind": field.kind, name: path || field.path };
  let control;
  if (field.kind === "choice" || field.kind === "flag" || field.kind === "grade") {
    const choices = field.kind === "flag" ? [["true", w("yes")], ["false", w("no")]]
      : (field.choices || []).map((c) => [c.code, c.name]);
    control = el("select", attributes, el("option", { value: "", text: "—" }),
      choices.map(([value, label]) => el("option", { value, text: label })));
  } else if (field.kind === "multiple") {
    control = el("select", Object.assign({ multiple: true }, attributes),
      (field.choices || []).map((c) => el("option", { value: c.code, text: c.name })));
  } else if (field.kind === "date") {
    control = el("input", Object.assign({ type: "date" }, attributes));
  } else if (field.kind === "number") {
    control = el("input", Object.assign({ type: "number", step: "any", min: "0" }, attributes));
  } else {
    control = el("input", Object.assign({ type: "text" }, attributes));
  }
  return control;
}

const GROUPS = ["applicant", "education", "work", "title", "recommendations"];

function buildForm(form) {
  const root = $("#form");
  root.replaceChildren();
  for (const group of GROUPS) {
    const fields = form.fields.filter((f) => f.group === group);
    if (!fields.length) continue;
    root.append(el("fieldset", {}, el("legend", { text: w("group-" + group) }),
      el("div", { class: "fields" }, fields.map((f) => el("label", {}, f.label, input(f))))));
  }
  // Continuing education and assessments by year.
  const head = el("tr", {}, el("th", { text: w("year") }),
    form.courseKinds.map((k) => el("th", { text: w("course-hours", form.courseLabel, k.name) })),
    el("th", { text: form.assessment.label }));
  const body = form.years.map((year) => el("tr", {}, el("th", { text: String(year) }),
    form.courseKinds.map((k) => el("td", {}, input({ kind: "number" }, "continuingEducation." + year + "." + k.code))),
    el("td", {}, input({ kind: "choice", choices: form.assessment.choices }, "assessments." + year))));
  root.append(el("fieldset", {}, el("legend", { text: w("group-years") }),
    el("table", { class: "years" }, el("thead", {}, head), el("tbody", {}, body))));
  if (form.assessed.length) {
    root.append(el("fieldset", {}, el("legend", { text: w("group-assessed") }), el("div", { class: "fields" },
      form.assessed.map((a) => el("label", {}, a.label, input({ kind: "number" }, "assessed." + a.item))))));
  }
  if (form.items.length) {
    root.append(el("fieldset", {}, el("legend", { text: w("group-claims") }), el("div", { class: "fields" },
      form.items.map((item) => el("label", {}, item.label, input({ kind: "number" }, "claimed.items." + item.id))))));
  }
  const records = el("tbody", { id: "records" });
  root.append(el("fieldset", {}, el("legend", { text: w("group-records") }),
    el("div", { class: "scroll" }, el("table", { class: "records" },
      el("thead", {}, el("tr", {}, form.recordFields.map((f) => el("th", { text: f.label })), el("th", {}))), records)),
    el("button", { type: "button", id: "add-record", text: w("add-record") })));
  $("#add-record").addEventListener("click", () => { addRecord({}); schedule(); });
  if (form.materials) {
    root.append(el("fieldset", {}, el("legend", { text: w("group-attachments") }),
      el("p", { class: "note", text: w("attachments-note") }),
      el("datalist", { id: "attachment-kinds" }, form.attachmentKinds.map((kind) => el("option", { value: kind }))),
      el("table", { class: "records" }, el("thead", {}, el("tr", {},
        el("th", { text: w("attachment-kind") }), el("th", { text: w("attachment-file") }), el("th", {}))),
        el("tbody", { id: "attachments" })),
      el("button", { type: "button", id: "add-attachment", text: w("add-attachment") })));
    $("#add-attachment").addEventListener("click", () => { addAttachment({}); schedule(); });
  }
}

/** A row of the attachments table: its kind, and the file chosen for it (named by the file's name). */
function addAttachment(attachment) {
  const kind = el("input", { type: "text", class: "attachment-kind", list: "attachment-kinds" });
  kind.value = attachment.kind || "";
  const name = el("span", { class: "attachment-path", text: attachment.path || w("attachment-none") });
  const file = el("input", { type: "file", class: "attachment-file" });
  const row = el("tr", {}, el("td", {}, kind), el("td", {}, name, " ", file),
    el("td", {}, el("button", { type: "button", class: "remove", text: w("remove") })));
  row.dataset.file = attachment.path || "";
  row.querySelector(".remove").addEventListener("click", () => { row.remove(); schedule(); });
  kind.addEventListener("input", schedule);
  file.addEventListener("change", () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.onload = () => {
      state.files[chosen.name] = String(reader.result).replace(/^data:[^,]*,/, "");
      row.dataset.file = chosen.name;
      name.textContent = chosen.name;
      schedule();
    };
    reader.readAsDataURL(chosen);
  });
  $("#attachments").append(row);
}

function addRecord(record) {
  const row = el("tr", {}, state.form.recordFields.map((f) => el("td", {}, input(f, f.path))),
    el("td", {}, el("button", { type: "button", class: "remove", text: w("remove") })));
  row.querySelector(".remove").addEventListener("click", () => { row.remove(); schedule(); });
  $("#records").append(row);
  for (const control of row.querySelectorAll("[data-path]")) setControl(control, get(record, control.dataset.path));
}

/** The value at a dotted path with `[n]` indices. */
function get(object, path) {
  let value = object;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (value === null || value === undefined) return undefined;
    value = value[part];
  }
  return value;
}

/** Sets the value at a path: `a.b` makes objects, `a[0]` arrays. */
function put(object, path, value) {
  const parts = [];
  path.replace(/([^.[\]]+)|\[(\d+)\]/g, (match, key, index) => { parts.push(key !== undefined ? key : Number(index)); });
  let target = object;
  parts.forEach((part, position) => {
    if (position === parts.length - 1) { target[part] = value; return; }
    if (target[part] === undefined) target[part] = typeof parts[position + 1] === "number" ? [] : {};
    target = target[part];
  });
}

function readControl(control) {
  const kind = control.dataset.kind;
  if (kind === "multiple") {
    const values = Array.from(control.selectedOptions).map((o) => o.value);
    return values.length ? values : undefined;
  }
  const text = control.value.trim();
  if (!text) return undefined;
  if (kind === "number") return Number(text);
  if (kind === "flag") return text === "true";
  return text;
}

function setControl(control, value) {
  if (value === undefined || value === null) { control.value = ""; return; }
  if (control.dataset.kind === "multiple") {
    const codes = (Array.isArray(value) ? value : [value]).map((v) => typeof v === "object" ? v.code : v);
    for (const option of control.options) option.selected = codes.includes(option.value);
    return;
  }
  if (control.tagName === "SELECT") {
    const text = String(value);
    const match = Array.from(control.options).find((o) => o.value === text || o.textContent === text);
    control.value = match ? match.value : "";
    return;
  }
  control.value = String(value);
}

/** The portfolio the form stands for, as the API takes it. */
function portfolio() {
  const result = {};
  for (const control of $("#form").querySelectorAll("[data-path]")) {
    if (control.closest("#records")) continue;
    const value = readControl(control);
    if (value !== undefined) put(result, control.dataset.path, value);
  }
  for (const key of ["education", "recommendations"]) {
    if (Array.isArray(result[key])) result[key] = result[key].filter((entry) => entry && Object.keys(entry).length);
  }
  result.records = Array.from($("#records").rows).map((row, index) => {
    const record = {};
    for (const control of row.querySelectorAll("[data-path]")) {
      const value = readControl(control);
      if (value !== undefined) put(record, control.dataset.path, value);
    }
    if (!record.id) record.id = "R" + (index + 1);
    return record;
  }).filter((record) => Object.keys(record).length > 1);
  if ($("#attachments")) {
    result.attachments = Array.from($("#attachments").rows)
      .map((row) => ({ kind: row.querySelector(".attachment-kind").value.trim(), path: row.dataset.file }))
      .filter((attachment) => attachment.kind && attachment.path);
  }
  return result;
}

/** The chosen files the portfolio names, by name, as the API takes them (`"files"`). */
function attachedFiles(data) {
  const files = {};
  for (const attachment of data.attachments || []) {
    if (state.files[attachment.path] !== undefined) files[attachment.path] = state.files[attachment.path];
  }
  return files;
}

function fill(data) {
  for (const control of $("#form").querySelectorAll("[data-path]")) {
    if (!control.closest("#records")) setControl(control, get(data, control.dataset.path));
  }
  $("#records").replaceChildren();
  for (const record of data.records || []) addRecord(record);
  if ($("#attachments")) {
    $("#attachments").replaceChildren();
    for (const attachment of data.attachments || []) addAttachment(attachment);
  }
}

async function loadForm(id) {
  state.sheetId = id;
  // A form asked for earlier may arrive after this one: only the sheet chosen last is drawn.
  const asked = (state.formRequest = (state.formRequest || 0) + 1);
  let form;
  try {
    form = await api("/api/form?lang=" + state.lang + "&sheet=" + encodeURIComponent(id));
  } catch (error) {
    if (asked === state.formRequest) $("#result").replaceChildren(problems(error));
    return;
  }
  if (asked !== state.formRequest) return;
  state.form = form;
  buildForm(state.form);
  const draft = readDraft();
  fill(draft && draft.sheet === id ? draft.portfolio : (state.form.example || {}));
  update();
}

// MARK: - Drafts

function readDraft() {
  try { return JSON.parse(localStorage.getItem(DRAFT) || "null"); } catch (error) { return null; }
}

function saveDraft(data) {
  try { localStorage.setItem(DRAFT, JSON.stringify({ sheet: state.sheetId, portfolio: data })); } catch (error) { }
}

// MARK: - The live result

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(update, 150);
}

async function update() {
  if (!state.sheetId) return;
  const data = portfolio();
  saveDraft(data);
  const sequence = ++state.sequence;
  const request = { sheet: state.sheetId, portfolio: data, lang: state.lang };
  if (state.form.materials) request.files = attachedFiles(data);
  let score;
  try {
    score = await api("/api/score", request);
  } catch (error) {
    if (sequence === state.sequence) $("#result").replaceChildren(el("h2", { text: w("problems") }), problems(error));
    return;
  }
  if (sequence !== state.sequence) return;
  renderScore(score, $("#result"));
  const extras = [api("/api/plan", request), api("/api/routes", request)];
  if (typeof score.total === "object") extras.push(api("/api/outcomes", request));
  const [plan, routes, outcomes] = await Promise.allSettled(extras);
  if (sequence !== state.sequence) return;
  const result = $("#result");
  if (outcomes && outcomes.status === "fulfilled") {
    result.append(el("h3", { text: w("chance") }), el("pre", { class: "text", text: outcomes.value.text }));
  }
  if (plan.status === "fulfilled" && score.verdict !== "pass") {
    result.append(el("h3", { text: w("plan") }), el("pre", { class: "text", text: plan.value.text }));
  }
  if (routes.status === "fulfilled") {
    result.append(el("h3", { text: w("routes") }), el("ul", { id: "routes" }, routes.value.routes
      .filter((r) => r.sheet !== state.sheetId)
      .map((r) => el("li", { class: r.verdict === "pass" ? "passed" : "" },
        r.title + " — " + r.verdictName + (r.threshold !== null ? " (" + points(r.total) + " / " + r.threshold + ")" : "")))));
  }
}

function renderScore(score, result) {
  const form = state.form;
  const threshold = score.threshold;
  const verdict = form.verdicts[score.verdict] || score.verdict;
  const bar = el("div", { class: "bar" });
  if (threshold !== null && threshold !== undefined) {
    const scale = Math.max(threshold * 1.25, high(score.total) || 0, 1);
    const fill = el("div", { class: "fill" }), range = el("div", { class: "range" }), mark = el("div", { class: "mark" });
    fill.style.width = (100 * low(score.total) / scale) + "%";
    range.style.left = fill.style.width;
    range.style.width = (100 * (high(score.total) - low(score.total)) / scale) + "%";
    mark.style.left = (100 * threshold / scale) + "%";
    bar.append(fill, range, mark);
  }
  const itemTitle = (id) => ((form.items || []).find((i) => i.id === id) || { label: id }).label;
  result.replaceChildren(...[
    el("div", { class: "score" }, el("span", { class: "total", id: "total", text: points(score.total) }),
      threshold !== null ? el("span", { text: w("threshold-margin", threshold, points(score.margin)) }) : null,
      el("strong", { id: "verdict", class: score.verdict === "pass" ? "verdict-pass" : "verdict-fail", text: verdict })),
    bar,
    score.modelledValues ? el("p", { class: "notice", text: score.modelledValues.notice }) : null,
    el("h3", { text: w("gates") }),
    el("ul", {}, score.gates.map((g) => el("li", { class: g.passed ? "passed" : "failed" },
      (g.passed ? "✓ " : "✗ ") + (form.gates[g.id] || g.id) + (g.findings.length ? " — " + g.findings.join(" / ") : "")))),
    el("h3", { text: w("points") }),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: w("indicator") }), el("th", { class: "number", text: w("score") }))),
      el("tbody", {}, score.categories.map((c) => el("tr", {},
        el("th", { text: "\u3000".repeat(c.depth) + c.title + (c.cap !== undefined ? w("cap", c.cap) : "") }),
        el("td", { class: "number", text: points(c.subtotal) }))),
      score.lines.map((line) => el("tr", {}, el("td", { text: line.title + (line.record ? " [" + line.record + "]" : "") }),
        el("td", { class: "number", text: points(line.points) }))))),
    score.deductions.length ? el("h3", { text: w("deductions") }) : null,
    el("ul", { id: "deductions" }, score.deductions.map((d) => el("li", { text: d.message }))),
    score.flags.length ? el("h3", { text: w("flags") }) : null,
    el("ul", {}, score.flags.map((f) => el("li", { text: "⚑ " + f.flag + " — " + f.reason }))),
    score.claims && score.claims.length ? el("h3", { text: w("claims") }) : null,
    score.claims && score.claims.length ? el("table", {},
      el("thead", {}, el("tr", {}, el("th", { text: w("indicator") }), el("th", { class: "number", text: w("claimed") }),
        el("th", { class: "number", text: w("accepted") }))),
      el("tbody", {}, score.claims.map((c) => el("tr", {},
        el("td", { text: itemTitle(c.item) }), el("td", { class: "number", text: points(c.claimed) }),
        el("td", { class: "number", text: points(c.accepted) }))))) : null,
  ].filter((node) => node !== null));
}

// MARK: - The employer's standing

async function standing() {
  const panel = $("#standing");
  const file = $("#cohort").files[0];
  if (!file || !state.sheetId) { panel.replaceChildren(el("p", { text: w("standing-needs") })); return; }
  try {
    let cohort;
    const bytes = await file.arrayBuffer();
    if (/\.json$/i.test(file.name)) {
      cohort = JSON.parse(new TextDecoder().decode(bytes));
      if (!cohort.rows) cohort = await api(batchPath(file.name, "json"), bytes, true);
    } else {
      cohort = await api(batchPath(file.name, "json"), bytes, true);
    }
    const request = { sheet: state.sheetId, portfolio: portfolio(), lang: state.lang, cohort };
    const quota = $("#quota").value, rate = $("#pass-rate").value;
    if (quota) request.quota = Number(quota);
    else if (rate) request.passRate = Number(rate);
    const answer = await api("/api/standing", request);
    panel.replaceChildren(el("p", { id: "standing-rank", text: w("rank-line", answer.rank, answer.poolSize, answer.percentile) }),
      el("pre", { class: "text", text: answer.text }));
  } catch (error) {
    panel.replaceChildren(problems(error));
  }
}

// MARK: - The office's list

function batchPath(name, format, extra) {
  return "/api/batch?lang=" + state.lang + "&sheet=" + encodeURIComponent(state.sheetId) + "&format=" + format
    + (name ? "&name=" + encodeURIComponent(name) : "") + (extra || "");
}

async function sendUpload(format, extra) {
  const upload = state.upload;
  if (upload.length === 1) return api(batchPath(upload[0].name, format, extra), upload[0].bytes, true);
  const files = upload.map((file) => {
    let binary = "";
    const view = new Uint8Array(file.bytes);
    for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000));
    return { name: file.name, base64: btoa(binary) };
  });
  return api(batchPath("", format, extra), { files });
}

async function officeUpload(fileList) {
  const panel = $("#office");
  if (!state.sheetId) { panel.replaceChildren(el("p", { text: w("office-needs-sheet") })); return; }
  state.upload = await Promise.all(Array.from(fileList).map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
  panel.replaceChildren(el("p", { text: w("scoring") }));
  let report;
  try { report = await sendUpload("json"); } catch (error) { panel.replaceChildren(problems(error)); return; }
  renderOffice(report);
}

function histogram(rows, threshold) {
  const ns = "http://www.w3.org/2000/svg";
  const totals = rows.map((r) => low(r.total)).filter((t) => typeof t === "number");
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "histogram");
  svg.setAttribute("width", "460"); svg.setAttribute("height", "160");
  if (!totals.length) return svg;
  const band = 10, from = Math.floor(Math.min(...totals, threshold || 0) / band) * band;
  const to = Math.ceil((Math.max(...totals, threshold || 0) + 0.001) / band) * band;
  const bins = []; for (let b = from; b < to; b += band) bins.push({ from: b, count: 0 });
  for (const t of totals) bins[Math.min(bins.length - 1, Math.floor((t - from) / band))].count++;
  const most = Math.max(...bins.map((b) => b.count)), step = 420 / bins.length;
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node); return node;
  };
  bins.forEach((bin, i) => {
    const h = 120 * bin.count / most;
    add("rect", { x: 30 + i * step + 1, y: 136 - h, width: step - 2, height: h });
    add("text", { x: 30 + i * step + step / 2, y: 132 - h, "text-anchor": "middle" }, String(bin.count));
    add("text", { x: 30 + i * step, y: 152, "text-anchor": "middle" }, String(bin.from));
  });
  if (typeof threshold === "number") {
    const x = 30 + (threshold - from) / band * step;
    add("line", { class: "threshold", x1: x, x2: x, y1: 8, y2: 136 });
    add("text", { x: x + 4, y: 16, fill: "#b42318" }, w("histogram-threshold", threshold));
  }
  return svg;
}

function renderOffice(report) {
  const panel = $("#office");
  state.rows = report.rows;
  const summary = report.summary;
  const threshold = (state.sheets.find((s) => s.id === state.sheetId) || {}).threshold;
  const verdicts = Object.entries(summary.verdicts).filter(([, n]) => n > 0)
    .map(([code, n]) => (state.form.verdicts[code] || code) + " " + n).join(w("list-separator"));
  const filter = el("input", { type: "search", id: "office-filter", placeholder: w("filter") });
  const body = el("tbody", {});
  const columns = [["rank", true], ["id"], ["name"], ["employer"], ["total", true], ["margin", true], ["verdict"],
    ["reasons"], ["source"]];
  const draw = () => {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    body.replaceChildren(...state.rows.filter((row) => {
      const reasons = (row.reasons || []).map((code) => state.form.reasons[code] || code);
      const text = [row.id, row.name, row.employer, state.form.verdicts[row.verdict], ...reasons].join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    }).map((row) => {
      const tr = el("tr", { "data-position": row.position }, columns.map(([key, numeric]) => el("td", {
        class: numeric ? "number" : null,
        text: key === "verdict" ? (state.form.verdicts[row.verdict] || row.verdict)
          : key === "reasons" ? (row.reasons || []).map((code) => state.form.reasons[code] || code).join(w("list-separator"))
          : numeric ? points(row[key]) : row[key] })));
      tr.addEventListener("click", () => explainRow(row));
      return tr;
    }));
  };
  filter.addEventListener("input", draw);
  const head = el("tr", {}, columns.map(([key, numeric]) => {
    const th = el("th", { class: numeric ? "number" : null, text: w(key) });
    th.addEventListener("click", () => {
      const up = th.dataset.order !== "up";
      th.dataset.order = up ? "up" : "down";
      state.rows.sort((a, b) => {
        const x = numeric ? low(a[key]) : String(a[key] || ""), y = numeric ? low(b[key]) : String(b[key] || "");
        const order = numeric ? (x || 0) - (y || 0) : x.localeCompare(y, "zh-CN");
        return (up ? order : -order) || a.rank - b.rank;
      });
      draw();
    });
    return th;
  }));
  state.rows.forEach((row, index) => { row.position = index; });
  const downloads = el("div", { class: "downloads" }, [["xlsx", "Excel"], ["csv", "CSV"], ["html", w("printable-html")],
    ["json", "JSON"], ["jsonl", "JSON Lines"], ["md", "Markdown"]].map(([format, label]) => {
    const button = el("button", { type: "button", text: w("download", label) });
    button.addEventListener("click", () => download(format, "&download=1", "report." + format));
    return button;
  }));
  // The public posting: whom it lists, its first day and the contact for objections, as the notices require.
  const include = el("select", { id: "posting-include" }, el("option", { value: "passing", text: w("posting-passing") }),
    el("option", { value: "undecided", text: w("posting-undecided") }), el("option", { value: "all", text: w("posting-all") }));
  const from = el("input", { type: "date", id: "posting-from" });
  const contact = el("input", { type: "text", id: "posting-contact", placeholder: w("posting-contact") });
  // The office's list of holidays and make-up working days, read as `batch --holidays` reads its file.
  const holidays = el("input", { type: "file", id: "posting-holidays", accept: ".txt,text/plain" });
  let calendar = null;
  holidays.addEventListener("change", async () => {
    const file = holidays.files[0];
    calendar = file ? { name: file.name, text: await file.text() } : null;
  });
  const posting = el("div", { class: "downloads" }, el("label", {}, w("posting") + " ", include),
    el("label", {}, w("posting-from") + " ", from),
    contact, el("label", {}, w("posting-holidays") + " ", holidays),
    ...[["html", "HTML"], ["xlsx", "Excel"], ["csv", "CSV"]].map(([format, label]) => {
      const button = el("button", { type: "button", text: w("download-posting", label) });
      button.addEventListener("click", () => download(format, "&download=1&public=1&include=" + include.value
        + (from.value ? "&from=" + from.value : "") + (contact.value ? "&contact=" + encodeURIComponent(contact.value) : "")
        + (calendar ? "&holidays=" + encodeURIComponent(calendar.text) + "&holidaysName="
          + encodeURIComponent(calendar.name) : ""),
        "posting." + format));
      return button;
    }));
  panel.replaceChildren(
    el("div", { class: "overview" }, el("div", {},
      el("h2", { text: (state.sheets.find((s) => s.id === state.sheetId) || { title: state.sheetId }).title }),
      el("p", { id: "office-counts", text: w("office-counts", summary.read, summary.scored, verdicts, summary.rejected) }),
      report.modelledValues ? el("p", { class: "notice", text: report.modelledValues.notice }) : null, downloads,
      posting),
      histogram(report.rows, threshold)),
    filter, el("table", { class: "list", id: "office-list" }, el("thead", {}, head), body),
    report.rejected.length ? el("h3", { text: w("rejected") }) : null,
    el("ul", { id: "office-rejected" }, report.rejected.map((r) => el("li", {
      text: r.file + (r.cell ? ":" + r.cell : r.line ? ":" + r.line : "") + " " + (r.id || "") + " [" + r.code + "] " + r.path + " — " + r.message }))));
  draw();
}

async function download(format, extra, name) {
  try {
    const blob = await sendUpload(format, extra);
    const link = el("a", { href: URL.createObjectURL(blob instanceof Blob ? blob : new Blob([JSON.stringify(blob)])), download: name });
    document.body.append(link); link.click(); link.remove();
  } catch (error) {
    $("#office").prepend(problems(error));
  }
}

async function explainRow(row) {
  let score;
  try { score = await sendUpload("json", "&explain=" + row.position); } catch (error) { return; }
  const content = el("div", { id: "row-result" });
  const dialog = el("dialog", {}, el("h2", { text: row.name + "（" + row.id + "）" }), content,
    el("button", { type: "button", text: w("close") }));
  dialog.querySelector("button").addEventListener("click", () => dialog.remove());
  document.body.append(dialog);
  renderScore(score, content);
  dialog.showModal();
}

// MARK: - Start

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("#views button")) {
    button.addEventListener("click", () => showView(button.dataset.view));
  }
  $("#city").addEventListener("change", () => chooseRoute());
  $("#specialty").addEventListener("change", () => chooseRoute());
  $("#sheet").addEventListener("change", () => loadForm($("#sheet").value));
  $("#form").addEventListener("input", schedule);
  $("#form").addEventListener("change", schedule);
  $("#download").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(portfolio(), null, 2)], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: (portfolio().id || "portfolio") + ".json" });
    document.body.append(link); link.click(); link.remove();
  });
  $("#open").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try { fill(JSON.parse(await file.text())); update(); } catch (error) { $("#result").replaceChildren(problems(error)); }
  });
  $("#reset").addEventListener("click", () => { localStorage.removeItem(DRAFT); fill(state.form.example || {}); update(); });
  $("#print").addEventListener("click", () => window.print());
  $("#standing-go").addEventListener("click", standing);
  $("#upload").addEventListener("change", (event) => officeUpload(event.target.files));
  const drop = $("#drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => { event.preventDefault(); drop.classList.remove("over"); officeUpload(event.dataTransfer.files); });
  $("#language").addEventListener("click", () => {
    localStorage.setItem(LANGUAGE, state.lang === "zh" ? "en" : "zh");
    location.reload();
  });
  state.lang = localStorage.getItem(LANGUAGE) === "en" ? "en" : "zh";
  loadWords().then(loadSheets).catch((error) => $("#result").replaceChildren(problems(error)));
});
