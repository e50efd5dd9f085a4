// ValueProbe viewer: a small single-page app over the viewer's JSON API (/api/...).
//
// Model output and everything else read from the store is untrusted. The DOM is built with createElement and
// textContent only: nothing read from the API is ever parsed as HTML.
"use strict";

(function () {
  const app = document.getElementById("app");
  const MODES = ["explicit", "implicit", "control", "causal"];
  const CATEGORIES = ["recognised", "missed", "unparseable", "refused", "error"];

  // ---- DOM helpers -------------------------------------------------------------------------------------------

  // el("a", {class: "x", href: "#/"}, "text", child, ...): strings become text nodes.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "dataset") {
        for (const [key, v] of Object.entries(value)) node.dataset[key] = String(v);
      } else if (name === "onclick" || name === "onchange" || name === "onsubmit") {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
  }

  function show(...children) {
    app.replaceChildren();
    append(app, children);
  }

  // A hash link; every part is encoded.
  function route(parts, params) {
    let hash = "#/" + parts.map(encodeURIComponent).join("/");
    const query = queryString(params || {});
    return query ? hash + "?" + query : hash;
  }

  function queryString(params) {
    return Object.entries(params)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(String(v)))
      .join("&");
  }

  function percent(x) {
    return x === null || x === undefined ? "–" : (100 * x).toFixed(1) + "%";
  }

  function interval(estimate) {
    if (!estimate) return el("span", { class: "muted" }, "–");
    return el("span", { class: "rate", title: "95% interval " + percent(estimate.lower) + " – " + percent(estimate.upper) +
      " (" + estimate.method + ", " + estimate.units + " units)" },
      percent(estimate.estimate), el("span", { class: "ci" }, " [" + percent(estimate.lower) + ", " + percent(estimate.upper) + "]"));
  }

  function signed(x) {
    if (x === null || x === undefined) return "–";
    const points = 100 * x;
    return (points > 0 ? "+" : "") + points.toFixed(1) + " pts";
  }

  // A headline's gap: the summary's estimate with its interval, or the pooled difference marked as such.
  function gapCell(h) {
    if (h.gap_interval) {
      const g = h.gap_interval;
      return el("span", { title: "95% interval " + signed(g.lower) + " – " + signed(g.upper) + " (" + g.method + ", " + g.units + " scenarios)" },
        signed(h.gap), el("span", { class: "ci" }, " [" + signed(g.lower) + ", " + signed(g.upper) + "]"));
    }
    return el("span", {}, signed(h.gap));
  }

  // Which estimator a headline's figures use.
  function sourceNote(h) {
    return el("div", { class: "muted" }, h.source === "summary" ? "summary" : "pooled so far");
  }

  // A strip of coloured cells, one per category, widths proportional to the counts.
  function strip(tally) {
    const total = tally.planned || 0;
    const node = el("span", { class: "strip", role: "img",
      "aria-label": CATEGORIES.map((c) => c + " " + (tally.by_category[c] || 0)).join(", ") });
    if (total === 0) return node;
    const parts = CATEGORIES.map((c) => [c, tally.by_category[c] || 0]);
    const judged = parts.reduce((sum, [, n]) => sum + n, 0);
    parts.push(["unjudged", Math.max(0, tally.answered - judged)]);
    parts.push(["pending", Math.max(0, total - tally.answered)]);
    for (const [category, count] of parts) {
      if (count === 0) continue;
      const cell = el("span", { class: "cell c-" + category, title: category + ": " + count });
      cell.style.flexGrow = String(count);
      node.appendChild(cell);
    }
    return node;
  }

  function badge(state) {
    return el("span", { class: "badge c-" + state }, state);
  }

  async function api(path, params) {
    const query = queryString(params || {});
    const response = await fetch("/api/" + path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      throw new Error("HTTP " + response.status + " from /api/" + path);
    }
    if (!response.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + response.status);
    return body;
  }

  function failure(error) {
    show(el("div", { class: "error", role: "alert" }, el("strong", {}, "Cannot show this page: "), String(error.message || error)));
  }

  function pager(page, makeLink) {
    if (page.pages <= 1) return el("p", { class: "muted pager" }, page.total + " in all");
    return el("nav", { class: "pager" },
      page.page > 1 ? el("a", { href: makeLink(page.page - 1), rel: "prev" }, "‹ previous") : el("span", { class: "muted" }, "‹ previous"),
      " page " + page.page + " of " + page.pages + " (" + page.total + " in all) ",
      page.page < page.pages ? el("a", { href: makeLink(page.page + 1), rel: "next" }, "next ›") : el("span", { class: "muted" }, "next ›"));
  }

  // ---- Runs list ---------------------------------------------------------------------------------------------

  async function runsPage() {
    document.title = "Runs · ValueProbe viewer";
    const data = await api("runs");
    const selected = new Set();
    const compare = el("button", { type: "button", disabled: true }, "Compare two selected runs");
    compare.addEventListener("click", () => {
      const [a, b] = Array.from(selected);
      location.hash = route(["diff"], { a: a, b: b });
    });
    const rows = data.runs.map((run) => {
      const box = el("input", { type: "checkbox", "aria-label": "select run " + run.id });
      box.addEventListener("change", () => {
        if (box.checked) selected.add(run.id); else selected.delete(run.id);
        compare.disabled = selected.size !== 2;
      });
      const c = run.counts;
      return el("tr", { dataset: { run: run.id } },
        el("td", {}, box),
        el("td", {}, el("a", { href: route(["run", run.id]) }, el("code", {}, run.id))),
        el("td", {}, (run.created || "").replace("T", " ").replace("Z", "")),
        el("td", {}, run.suite.id, el("span", { class: "muted" }, " v" + run.suite.version)),
        el("td", {}, run.headline.map((h) => el("div", { class: "model" }, h.model, sourceNote(h)))),
        el("td", { class: "num" }, c.answered + "/" + c.planned, c.failed ? el("span", { class: "warn" }, " (" + c.failed + " failed)") : null,
          el("div", { class: "muted" }, c.judged + " judged")),
        el("td", {}, run.headline.map((h) => el("div", {}, interval(h.explicit)))),
        el("td", {}, run.headline.map((h) => el("div", {}, interval(h.implicit)))),
        el("td", { class: "num" }, run.headline.map((h) => el("div", {}, gapCell(h)))),
        el("td", {}, run.report_files.map((name) =>
          el("div", {}, el("a", { href: "/api/runs/" + encodeURIComponent(run.id) + "/files/" + encodeURIComponent(name) }, name)))));
    });
    const table = el("table", { id: "runs", class: "data" },
      el("thead", {}, el("tr", {},
        el("th", {}, ""), el("th", {}, "run"), el("th", {}, "created"), el("th", {}, "suite"), el("th", {}, "models"),
        el("th", {}, "answered"), el("th", {}, "explicit"), el("th", {}, "implicit"), el("th", {}, "gap"), el("th", {}, "reports"))),
      el("tbody", {}, rows));
    show(
      el("h1", {}, "Runs"),
      el("p", { class: "muted" }, data.runs.length + " run" + (data.runs.length === 1 ? "" : "s") + " under " + data.directory +
        ". Rates are recognition pooled over the samples judged so far, with Wilson 95% intervals."),
      data.runs.length ? el("div", { class: "scroll" }, table) : el("p", { class: "empty" }, "No runs yet: start one with valueprobe run."),
      data.runs.length > 1 ? el("p", {}, compare) : null,
      data.problems.length ? el("section", { class: "problems" }, el("h2", {}, "Not shown"),
        el("ul", {}, data.problems.map((p) => el("li", {}, el("code", {}, p.path), ": " + p.message)))) : null);
  }

  // ---- One run -----------------------------------------------------------------------------------------------

  function select(name, label, choices, current) {
    const node = el("select", { name: name, id: "filter-" + name },
      el("option", { value: "" }, "any " + label),
      choices.map((c) => el("option", { value: c.value, selected: c.value === current }, c.label)));
    return el("label", {}, label + " ", node);
  }

  async function runPage(id, params) {
    const detail = await api("runs/" + encodeURIComponent(id));
    const run = detail.run;
    document.title = "Run " + run.id + " · ValueProbe viewer";
    const filters = {
      value: params.get("value") || "", mode: params.get("mode") || "", model: params.get("model") || "",
      verdict: params.get("verdict") || "", item: params.get("item") || "", sort: params.get("sort") || "",
    };
    const page = Number(params.get("page") || "1");
    const items = await api("runs/" + encodeURIComponent(id) + "/items", Object.assign({ page: page, limit: 50 }, filters));

    const form = el("form", { class: "filters", id: "filters" },
      select("value", "value", detail.facets.values.map((v) => ({ value: v.name, label: v.name + " (" + v.samples + ")" })), filters.value),
      select("mode", "mode", detail.facets.modes.map((v) => ({ value: v.name, label: v.name + " (" + v.samples + ")" })), filters.mode),
      select("model", "model", detail.facets.models.map((v) => ({ value: v.name, label: v.name })), filters.model),
      select("verdict", "verdict", detail.verdict_states.map((v) => ({ value: v, label: v })), filters.verdict),
      el("label", {}, "item ", el("input", { type: "search", name: "item", value: filters.item, placeholder: "id contains…" })),
      select("sort", "order", [{ value: "rate", label: "lowest rate first" }, { value: "-rate", label: "highest rate first" }], filters.sort),
      el("button", { type: "submit" }, "Filter"),
      el("a", { href: route(["run", id]), class: "reset" }, "reset"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = {};
      for (const [key, value] of new FormData(form).entries()) next[key] = value;
      location.hash = route(["run", id], next);
    });

    const itemRows = items.rows.map((item) => el("tr", { dataset: { item: item.item_id } },
      el("td", {}, item.model),
      el("td", {}, el("a", { href: route(["run", id, "item", item.item_id], { model: item.model }) }, item.item_id)),
      el("td", {}, item.value),
      el("td", {}, item.mode),
      el("td", { class: "num" }, String(item.variants)),
      el("td", { class: "num" }, item.tally.answered + "/" + item.tally.planned),
      el("td", {}, strip(item.tally)),
      el("td", { class: "num" }, percent(item.rate)),
      el("td", {}, item.unanimous === null ? "–" : item.unanimous ? "stable" : "unstable")));

    const link = (p) => route(["run", id], Object.assign({}, filters, { page: p }));
    const m = detail.manifest;
    show(
      el("p", {}, el("a", { href: "#/" }, "‹ all runs")),
      el("h1", {}, "Run ", el("code", {}, run.id)),
      el("dl", { class: "facts" },
        el("dt", {}, "suite"), el("dd", {}, run.suite.title + " (" + run.suite.id + " v" + run.suite.version + ", hash " + run.suite.hash.slice(0, 12) + ")"),
        el("dt", {}, "models"), el("dd", {}, run.models.join(", ")),
        el("dt", {}, "judge"), el("dd", {}, run.judge),
        el("dt", {}, "sampling"), el("dd", {}, (run.samples_per_prompt || "?") + " samples per prompt, temperature " +
          (run.temperature === null || run.temperature === undefined ? "default" : run.temperature) + ", seed " + run.seed),
        el("dt", {}, "progress"), el("dd", {}, run.counts.answered + "/" + run.counts.planned + " answered, " + run.counts.judged + " judged, " + run.counts.failed + " failed"),
        el("dt", {}, "created"), el("dd", {}, run.created + " with valueprobe " + run.tool_version + " on " + m.host.cores + " cores (" + m.host.operating_system + ")")),
      headlineTable(run),
      valueTable(detail),
      el("h2", {}, "Items"),
      form,
      el("div", { class: "scroll" }, el("table", { id: "items", class: "data" },
        el("thead", {}, el("tr", {}, ["model", "item", "value", "mode", "variants", "answered", "verdicts", "rate", "stability"].map((h) => el("th", {}, h)))),
        el("tbody", {}, itemRows))),
      items.rows.length ? null : el("p", { class: "empty" }, "No item matches these filters."),
      pager(items, link),
      legend());
  }

  function headlineTable(run) {
    return el("div", { class: "scroll" }, el("table", { id: "headline", class: "data headline" },
      el("caption", {}, "Headline: the run summary's figures (mean of item rates with hierarchical bootstrap intervals; the gap within scenarios with its scenario-level t interval) once the run is summarised; before that, recognition pooled over the samples judged so far (Wilson intervals)"),
      el("thead", {}, el("tr", {}, ["model", "explicit", "implicit", "gap", "false alarms", "causal", "truncated"].map((h) => el("th", {}, h)))),
      el("tbody", {}, run.headline.map((h) => el("tr", {},
        el("td", {}, h.model, sourceNote(h)),
        el("td", {}, interval(h.explicit)),
        el("td", {}, interval(h.implicit)),
        el("td", { class: "num" }, gapCell(h)),
        el("td", {}, interval(h.control)),
        el("td", {}, interval(h.causal)),
        el("td", { class: "num" }, h.truncation ? h.truncation.truncated + " of " + h.truncation.answered : "–"))))));
  }

  function valueTable(detail) {
    const byKey = new Map();
    for (const cell of detail.cells) {
      const key = cell.model + "\u0000" + cell.value;
      if (!byKey.has(key)) byKey.set(key, { model: cell.model, value: cell.value, modes: {} });
      byKey.get(key).modes[cell.mode] = cell;
    }
    const rows = Array.from(byKey.values()).map((row) => el("tr", {},
      el("td", {}, row.model),
      el("td", {}, el("a", { href: route(["run", detail.run.id], { value: row.value }) }, row.value)),
      MODES.map((mode) => el("td", {}, row.modes[mode] ? interval(row.modes[mode].rate) : "–"))));
    return el("details", { class: "values", open: rows.length <= 20 },
      el("summary", {}, "Per value (" + byKey.size + " rows)"),
      el("div", { class: "scroll" }, el("table", { id: "values", class: "data" },
        el("thead", {}, el("tr", {}, ["model", "value"].concat(MODES).map((h) => el("th", {}, h)))),
        el("tbody", {}, rows))));
  }

  function legend() {
    return el("p", { class: "legend" }, CATEGORIES.concat(["unjudged", "pending"]).map((c) =>
      el("span", { class: "key" }, el("span", { class: "cell c-" + c }), c)));
  }

  // ---- One item's samples ------------------------------------------------------------------------------------

  async function itemPage(id, itemID, params) {
    const model = params.get("model") || "";
    const verdict = params.get("verdict") || "";
    const page = Number(params.get("page") || "1");
    document.title = itemID + " · run " + id + " · ValueProbe viewer";
    const [detail, data] = await Promise.all([
      api("runs/" + encodeURIComponent(id)),
      api("runs/" + encodeURIComponent(id) + "/samples", { item: itemID, model: model, verdict: verdict, page: page, limit: 50 }),
    ]);
    const form = el("form", { class: "filters", id: "sample-filters" },
      select("model", "model", detail.facets.models.map((v) => ({ value: v.name, label: v.name })), model),
      select("verdict", "verdict", detail.verdict_states.map((v) => ({ value: v, label: v })), verdict),
      el("button", { type: "submit" }, "Show"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = new FormData(form);
      location.hash = route(["run", id, "item", itemID], { model: chosen.get("model"), verdict: chosen.get("verdict") });
    });
    const prompts = data.item ? data.item.prompts : [];
    const cards = data.page.rows.map((s) => {
      const v = s.verdict;
      const r = s.response;
      return el("article", { class: "sample c-" + s.state, dataset: { key: s.key } },
        el("header", {}, badge(s.state), " ", s.model, " · ",
          s.variant === 0 ? "main prompt" : "paraphrase " + s.variant, " · sample " + (s.sample_index + 1),
          el("span", { class: "muted" }, " · seed " + s.seed)),
        r && r.earlier_answers && r.earlier_answers.length
          ? el("div", { class: "earlier" }, el("p", { class: "muted small" }, "the model's earlier answer in this conversation:"),
              ...r.earlier_answers.map((a) => el("pre", { class: "response earlier-answer" }, a)))
          : null,
        r ? (r.error ? el("p", { class: "error" }, "call failed: " + r.error)
          : el("pre", { class: "response" }, r.text)) : el("p", { class: "muted" }, "no response yet"),
        r ? el("p", { class: "muted small" }, "finish " + r.finish_reason +
          (r.completion_tokens !== null && r.completion_tokens !== undefined ? " · " + r.completion_tokens + " tokens" : "") +
          " · " + Math.round(r.latency_milliseconds) + " ms") : null,
        v ? el("div", { class: "verdict" },
          el("strong", {}, "Judge (" + v.judge + "): "), v.category,
          v.score !== null && v.score !== undefined ? " · score " + v.score : "",
          v.values_named && v.values_named.length ? " · names " + v.values_named.join(", ") : "",
          v.rationale ? el("p", { class: "rationale" }, v.rationale) : null) : null);
    });
    const link = (p) => route(["run", id, "item", itemID], { model: model, verdict: verdict, page: p });
    show(
      el("p", {}, el("a", { href: route(["run", id]) }, "‹ run " + id)),
      el("h1", {}, "Item ", el("code", {}, itemID)),
      data.item ? el("p", {}, data.item.value + " · " + data.item.mode + (data.item.value_at_risk ? " · value at risk" : "") +
        (data.item.pair_id ? " · pair " + data.item.pair_id : "") +
        (data.item.scenario ? " · scenario " + data.item.scenario : "") +
        (data.item.level ? " · hint level: " + data.item.level : "")) : null,
      data.item && data.item.conversation ? el("section", { class: "prompts" }, el("h2", {}, "Conversation"),
        el("pre", { class: "response" }, data.item.conversation)) : null,
      prompts.length ? el("section", { class: "prompts" }, el("h2", {}, "Prompts"),
        el("ol", { start: "0" }, prompts.map((p) => el("li", {}, el("pre", {}, p))))) : null,
      el("h2", {}, "Samples" + (model ? " of " + model : "")),
      form,
      el("div", { id: "samples" }, cards),
      cards.length ? null : el("p", { class: "empty" }, "No sample matches."),
      pager(data.page, link));
  }

  // ---- Comparison --------------------------------------------------------------------------------------------

  async function diffPage(params) {
    document.title = "Compare runs · ValueProbe viewer";
    const a = params.get("a"), b = params.get("b");
    if (!a || !b) {
      const runs = (await api("runs")).runs;
      const choose = (name) => el("select", { name: name }, runs.map((r) =>
        el("option", { value: r.id }, r.id + " · " + r.suite.id + " · " + r.models.join(", "))));
      const form = el("form", { class: "filters" }, el("label", {}, "run A ", choose("a")), el("label", {}, "run B ", choose("b")),
        el("button", { type: "submit" }, "Compare"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const data = new FormData(form);
        location.hash = route(["diff"], { a: data.get("a"), b: data.get("b") });
      });
      show(el("h1", {}, "Compare two runs"), runs.length >= 2 ? form : el("p", { class: "empty" }, "Comparing needs two runs."));
      return;
    }
    const modelA = params.get("model_a") || "", modelB = params.get("model_b") || "";
    const reply = await api("diff", { a: a, b: b, model_a: modelA, model_b: modelB });
    const c = reply.comparison;
    const chooser = el("form", { class: "filters", id: "diff-models" },
      select("model_a", "model of A", reply.models_a.map((m) => ({ value: m, label: m })), c.a.model),
      select("model_b", "model of B", reply.models_b.map((m) => ({ value: m, label: m })), c.b.model),
      el("button", { type: "submit" }, "Compare"));
    chooser.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = new FormData(chooser);
      location.hash = route(["diff"], { a: a, b: b, model_a: chosen.get("model_a"), model_b: chosen.get("model_b") });
    });
    show(
      el("p", {}, el("a", { href: "#/" }, "‹ all runs")),
      el("h1", {}, "Compare runs"),
      el("dl", { class: "facts" },
        el("dt", {}, "A"), el("dd", {}, el("a", { href: route(["run", c.a.run_id]) }, el("code", {}, c.a.run_id)),
          " · " + c.a.model + " · " + c.a.suite_id + " · " + c.a.labelled_items + " labelled items"),
        el("dt", {}, "B"), el("dd", {}, el("a", { href: route(["run", c.b.run_id]) }, el("code", {}, c.b.run_id)),
          " · " + c.b.model + " · " + c.b.suite_id + " · " + c.b.labelled_items + " labelled items"),
        el("dt", {}, "paired"), el("dd", {}, c.shared_items + " items labelled in both runs; Δ = A − B of mean item rates, " +
          Math.round(100 * c.options.confidence) + "% paired bootstrap interval over items, McNemar on item majorities")),
      chooser,
      renderDiff(reply));
  }

  // The comparison's rows: per value (then all values) and measure, both runs' mean item rates, Δ with its
  // interval, and McNemar's test.
  function renderDiff(reply) {
    const c = reply.comparison;
    const rows = c.rows.map((row) => el("tr", { dataset: { measure: row.measure } },
      el("td", {}, row.value === null ? el("strong", {}, "all values") : row.value),
      el("td", {}, reply.measures[row.measure] || row.measure),
      el("td", { class: "num" }, String(row.items)),
      el("td", { class: "num" }, percent(row.rate_a)),
      el("td", { class: "num" }, percent(row.rate_b)),
      el("td", { class: "num" + (row.delta.lower > 0 || row.delta.upper < 0 ? " decided" : "") }, signed(row.delta.estimate)),
      el("td", { class: "num" }, "[" + signed(row.delta.lower) + ", " + signed(row.delta.upper) + "]"),
      el("td", { class: "num" }, row.mcnemar ? row.mcnemar.p_value.toPrecision(3) + " (b " + row.mcnemar.b + ", c " + row.mcnemar.c + ")" : "–"),
      el("td", { class: "num" }, String(row.tied_items))));
    return [
      c.warnings.length ? el("ul", { class: "notes" }, c.warnings.map((n) => el("li", {}, n))) : null,
      el("div", { class: "scroll" }, el("table", { id: "diff", class: "data" },
        el("thead", {}, el("tr", {}, ["value", "measure", "items", "A", "B", "Δ (A − B)", "interval", "McNemar p", "tied"].map((h) => el("th", {}, h)))),
        el("tbody", {}, rows))),
      c.rows.length ? null : el("p", { class: "empty" }, "The runs share no labelled item."),
    ];
  }

  // ---- Router ------------------------------------------------------------------------------------------------

  async function render() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, query] = hash.split("?");
    const params = new URLSearchParams(query || "");
    const parts = path.split("/").filter((p) => p.length > 0).map(decodeURIComponent);
    try {
      if (parts.length === 0) await runsPage();
      else if (parts[0] === "run" && parts.length === 2) await runPage(parts[1], params);
      else if (parts[0] === "run" && parts.length === 4 && parts[2] === "item") await itemPage(parts[1], parts[3], params);
      else if (parts[0] === "diff") await diffPage(params);
      else show(el("p", { class: "error" }, "No page at " + hash), el("p", {}, el("a", { href: "#/" }, "all runs")));
    } catch (error) {
      failure(error);
    }
    document.body.dataset.ready = "true";
  }

  window.addEventListener("hashchange", render);
  render();
})();
