// TitleScore's page: the applicant's form with a live score, the employer's standing in a cohort, and the office's
// ranked list. Everything it shows comes from the server's API (docs/api.md); every text from an applicant or a
// file goes into the page as text (textContent), never as markup.
"use strict";

const state = { sheets: [], guides: [], form: null, sheetId: null, sequence: 0, timer: 0, upload: null, rows: [] };
const DRAFT = "titlescore.draft.v1";

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
  if (!response.ok) throw Object.assign(new Error("HTTP " + response.status), { payload });
  return payload;
}

function problems(error) {
  const list = (error.payload && error.payload.diagnostics) || [];
  if (!list.length) return el("p", { class: "error", text: String(error.message || error) });
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
    sheet.title + " · " + sheet.routeName + (sheet.threshold !== null ? " · " + sheet.threshold + " 分" : "")]),
    preferredSheet || state.sheetId);
  const advice = [];
  for (const guide of state.guides) {
    if (city && guide.city !== city) continue;
    for (const entry of guide.entries) {
      if (specialty && !entry.specialties.some((s) => s.code === specialty)) continue;
      advice.push(entry.routeName + "：" + entry.applicants);
    }
  }
  $("#route-advice").textContent = advice.join("　");
  if ($("#sheet").value && $("#sheet").value !== state.sheetId) loadForm($("#sheet").value);
}

async function loadSheets() {
  const data = await api("/api/sheets?lang=zh");
  state.sheets = data.sheets;
  state.guides = data.guides;
  const cities = new Map(), specialties = new Map();
  for (const sheet of state.sheets) {
    cities.set(sheet.city, sheet.cityName);
    for (const s of sheet.specialties) specialties.set(s.code, s.name);
  }
  fillSelect($("#city"), [["", "全部城市"], ...cities]);
  fillSelect($("#specialty"), [["", "全部专业"], ...specialties]);
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
    const choices = field.kind === "flag" ? [["true", "是"], ["false", "否"]]
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

const GROUPS = [["applicant", "基本信息"], ["education", "学历"], ["work", "工作与资历"], ["title", "职称与技能"],
  ["recommendations", "推荐专家"]];

function buildForm(form) {
  const root = $("#form");
  root.replaceChildren();
  for (const [group, legend] of GROUPS) {
    const fields = form.fields.filter((f) => f.group === group);
    if (!fields.length) continue;
    root.append(el("fieldset", {}, el("legend", { text: legend }),
      el("div", { class: "fields" }, fields.map((f) => el("label", {}, f.label, input(f))))));
  }
  // Continuing education and assessments by year.
  const head = el("tr", {}, el("th", { text: "年度" }),
    form.courseKinds.map((k) => el("th", { text: form.courseLabel + "（" + k.name + "，学时）" })),
    el("th", { text: form.assessment.label }));
  const body = form.years.map((year) => el("tr", {}, el("th", { text: String(year) }),
    form.courseKinds.map((k) => el("td", {}, input({ kind: "number" }, "continuingEducation." + year + "." + k.code))),
    el("td", {}, input({ kind: "choice", choices: form.assessment.choices }, "assessments." + year))));
  root.append(el("fieldset", {}, el("legend", { text: "继续教育与年度考核" }),
    el("table", { class: "years" }, el("thead", {}, head), el("tbody", {}, body))));
  if (form.assessed.length) {
    root.append(el("fieldset", {}, el("legend", { text: "评委赋分" }), el("div", { class: "fields" },
      form.assessed.map((a) => el("label", {}, a.label, input({ kind: "number" }, "assessed." + a.item))))));
  }
  if (form.items.length) {
    root.append(el("fieldset", {}, el("legend", { text: "自评分（逐项，可不填）" }), el("div", { class: "fields" },
      form.items.map((item) => el("label", {}, item.label, input({ kind: "number" }, "claimed.items." + item.id))))));
  }
  const records = el("tbody", { id: "records" });
  root.append(el("fieldset", {}, el("legend", { text: "业绩（论文、项目、奖项、证书……）" }),
    el("div", { class: "scroll" }, el("table", { class: "records" },
      el("thead", {}, el("tr", {}, form.recordFields.map((f) => el("th", { text: f.label })), el("th", {}))), records)),
    el("button", { type: "button", id: "add-record", text: "添加一项业绩" })));
  $("#add-record").addEventListener("click", () => { addRecord({}); schedule(); });
}

function addRecord(record) {
  const row = el("tr", {}, state.form.recordFields.map((f) => el("td", {}, input(f, f.path))),
    el("td", {}, el("button", { type: "button", class: "remove", text: "删除" })));
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
  return result;
}

function fill(data) {
  for (const control of $("#form").querySelectorAll("[data-path]")) {
    if (!control.closest("#records")) setControl(control, get(data, control.dataset.path));
  }
  $("#records").replaceChildren();
  for (const record of data.records || []) addRecord(record);
}

async function loadForm(id) {
  state.sheetId = id;
  try {
    state.form = await api("/api/form?lang=zh&sheet=" + encodeURIComponent(id));
  } catch (error) {
    $("#result").replaceChildren(problems(error));
    return;
  }
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
  const request = { sheet: state.sheetId, portfolio: data, lang: "zh" };
  let score;
  try {
    score = await api("/api/score", request);
  } catch (error) {
    if (sequence === state.sequence) $("#result").replaceChildren(el("h2", { text: "材料有误" }), problems(error));
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
    result.append(el("h3", { text: "评委赋分后的通过可能" }), el("pre", { class: "text", text: outcomes.value.text }));
  }
  if (plan.status === "fulfilled" && score.verdict !== "pass") {
    result.append(el("h3", { text: "补足差距的方案" }), el("pre", { class: "text", text: plan.value.text }));
  }
  if (routes.status === "fulfilled") {
    result.append(el("h3", { text: "其他申报途径" }), el("ul", { id: "routes" }, routes.value.routes
      .filter((r) => r.sheet !== state.sheetId)
      .map((r) => el("li", { class: r.verdict === "pass" ? "passed" : "" },
        r.title + "：" + r.verdictName + (r.threshold !== null ? "（" + points(r.total) + " / " + r.threshold + "）" : "")))));
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
      threshold !== null ? el("span", { text: "分数线 " + threshold + "，差额 " + points(score.margin) }) : null,
      el("strong", { id: "verdict", class: score.verdict === "pass" ? "verdict-pass" : "verdict-fail", text: verdict })),
    bar,
    score.modelledValues ? el("p", { class: "notice", text: score.modelledValues.notice }) : null,
    el("h3", { text: "控制项" }),
    el("ul", {}, score.gates.map((g) => el("li", { class: g.passed ? "passed" : "failed" },
      (g.passed ? "✓ " : "✗ ") + (form.gates[g.id] || g.id) + (g.findings.length ? "：" + g.findings.join("；") : "")))),
    el("h3", { text: "逐项得分" }),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "指标" }), el("th", { class: "number", text: "得分" }))),
      el("tbody", {}, score.categories.map((c) => el("tr", {},
        el("th", { text: "　".repeat(c.depth) + c.title + (c.cap !== undefined ? "（上限 " + c.cap + "）" : "") }),
        el("td", { class: "number", text: points(c.subtotal) }))),
      score.lines.map((line) => el("tr", {}, el("td", { text: line.title + (line.record ? " [" + line.record + "]" : "") }),
        el("td", { class: "number", text: points(line.points) }))))),
    score.deductions.length ? el("h3", { text: "扣分与未计分" }) : null,
    el("ul", { id: "deductions" }, score.deductions.map((d) => el("li", { text: d.message }))),
    score.flags.length ? el("h3", { text: "提示" }) : null,
    el("ul", {}, score.flags.map((f) => el("li", { text: "⚑ " + f.flag + "：" + f.reason }))),
    score.claims && score.claims.length ? el("h3", { text: "自评与核定" }) : null,
    score.claims && score.claims.length ? el("table", {},
      el("thead", {}, el("tr", {}, el("th", { text: "指标" }), el("th", { class: "number", text: "自评" }),
        el("th", { class: "number", text: "核定" }))),
      el("tbody", {}, score.claims.map((c) => el("tr", {},
        el("td", { text: itemTitle(c.item) }), el("td", { class: "number", text: points(c.claimed) }),
        el("td", { class: "number", text: points(c.accepted) }))))) : null,
  ].filter((node) => node !== null));
}

// MARK: - The employer's standing

async function standing() {
  const panel = $("#standing");
  const file = $("#cohort").files[0];
  if (!file || !state.sheetId) { panel.replaceChildren(el("p", { text: "请先选择评分表并上传同批申报人。" })); return; }
  try {
    let cohort;
    const bytes = await file.arrayBuffer();
    if (/\.json$/i.test(file.name)) {
      cohort = JSON.parse(new TextDecoder().decode(bytes));
      if (!cohort.rows) cohort = await api(batchPath(file.name, "json"), bytes, true);
    } else {
      cohort = await api(batchPath(file.name, "json"), bytes, true);
    }
    const request = { sheet: state.sheetId, portfolio: portfolio(), lang: "zh", cohort };
    const quota = $("#quota").value, rate = $("#pass-rate").value;
    if (quota) request.quota = Number(quota);
    else if (rate) request.passRate = Number(rate);
    const answer = await api("/api/standing", request);
    panel.replaceChildren(el("p", { id: "standing-rank", text: "名次 " + answer.rank + " / " + answer.poolSize
      + "，百分位 " + answer.percentile }), el("pre", { class: "text", text: answer.text }));
  } catch (error) {
    panel.replaceChildren(problems(error));
  }
}

// MARK: - The office's list

function batchPath(name, format, extra) {
  return "/api/batch?lang=zh&sheet=" + encodeURIComponent(state.sheetId) + "&format=" + format
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
  if (!state.sheetId) { panel.replaceChildren(el("p", { text: "请先在“申报人自评”中选择评分表。" })); return; }
  state.upload = await Promise.all(Array.from(fileList).map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
  panel.replaceChildren(el("p", { text: "正在评分……" }));
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
    add("text", { x: x + 4, y: 16, fill: "#b42318" }, "分数线 " + threshold);
  }
  return svg;
}

function renderOffice(report) {
  const panel = $("#office");
  state.rows = report.rows;
  const summary = report.summary;
  const threshold = (state.sheets.find((s) => s.id === state.sheetId) || {}).threshold;
  const verdicts = Object.entries(summary.verdicts).filter(([, n]) => n > 0)
    .map(([code, n]) => (state.form.verdicts[code] || code) + " " + n).join("、");
  const filter = el("input", { type: "search", id: "office-filter", placeholder: "筛选：姓名、单位、结论" });
  const body = el("tbody", {});
  const columns = [["rank", "排名", true], ["id", "编号"], ["name", "姓名"], ["employer", "工作单位"],
    ["total", "总分", true], ["margin", "差额", true], ["verdict", "结论"], ["reasons", "主要扣分原因"], ["source", "来源"]];
  const draw = () => {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    body.replaceChildren(...state.rows.filter((row) => {
      const reasons = (row.reasons || []).map((code) => state.form.reasons[code] || code);
      const text = [row.id, row.name, row.employer, state.form.verdicts[row.verdict], ...reasons].join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    }).map((row) => {
      const tr = el("tr", { "data-position": row.position }, columns.map(([key, , numeric]) => el("td", {
        class: numeric ? "number" : null,
        text: key === "verdict" ? (state.form.verdicts[row.verdict] || row.verdict)
          : key === "reasons" ? (row.reasons || []).map((code) => state.form.reasons[code] || code).join("；")
          : numeric ? points(row[key]) : row[key] })));
      tr.addEventListener("click", () => explainRow(row));
      return tr;
    }));
  };
  filter.addEventListener("input", draw);
  const head = el("tr", {}, columns.map(([key, title, numeric]) => {
    const th = el("th", { class: numeric ? "number" : null, text: title });
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
  const downloads = el("div", { class: "downloads" }, [["xlsx", "Excel"], ["csv", "CSV"], ["html", "打印版 HTML"],
    ["json", "JSON"], ["jsonl", "JSON Lines"], ["md", "Markdown"]].map(([format, label]) => {
    const button = el("button", { type: "button", text: "下载 " + label });
    button.addEventListener("click", () => download(format, "&download=1", "report." + format));
    return button;
  }));
  // The public posting: whom it lists, its first day and the contact for objections, as the notices require.
  const include = el("select", { id: "posting-include" }, el("option", { value: "passing", text: "达到分数线者" }),
    el("option", { value: "undecided", text: "另加待定者" }), el("option", { value: "all", text: "全部" }));
  const from = el("input", { type: "date", id: "posting-from" });
  const contact = el("input", { type: "text", id: "posting-contact", placeholder: "异议受理联系方式" });
  const posting = el("div", { class: "downloads" }, el("label", {}, "公示名单 ", include), el("label", {}, "公示期首日 ", from),
    contact, ...[["html", "HTML"], ["xlsx", "Excel"], ["csv", "CSV"]].map(([format, label]) => {
      const button = el("button", { type: "button", text: "下载公示名单（" + label + "）" });
      button.addEventListener("click", () => download(format, "&download=1&public=1&include=" + include.value
        + (from.value ? "&from=" + from.value : "") + (contact.value ? "&contact=" + encodeURIComponent(contact.value) : ""),
        "posting." + format));
      return button;
    }));
  panel.replaceChildren(
    el("div", { class: "overview" }, el("div", {},
      el("h2", { text: (state.sheets.find((s) => s.id === state.sheetId) || { title: state.sheetId }).title }),
      el("p", { id: "office-counts", text: "读取 " + summary.read + " 条：已评分 " + summary.scored + "（" + verdicts + "），被拒 " + summary.rejected }),
      report.modelledValues ? el("p", { class: "notice", text: report.modelledValues.notice }) : null, downloads,
      posting),
      histogram(report.rows, threshold)),
    filter, el("table", { class: "list", id: "office-list" }, el("thead", {}, head), body),
    report.rejected.length ? el("h3", { text: "被拒记录" }) : null,
    el("ul", { id: "office-rejected" }, report.rejected.map((r) => el("li", {
      text: r.file + (r.cell ? ":" + r.cell : r.line ? ":" + r.line : "") + " " + (r.id || "") + " [" + r.code + "] " + r.path + "：" + r.message }))));
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
    el("button", { type: "button", text: "关闭" }));
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
  loadSheets().catch((error) => $("#result").replaceChildren(problems(error)));
});
