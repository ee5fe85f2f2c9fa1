// The journey board (a Streamlit Components v2 component, no build step).
//
// Draws what Python sends (data.board: columns, cards, tray, lanes; data.words: the
// translated words; data.error: the last refused edit) and sends each edit back as the
// trigger value "edit": {op, ...fields, nonce}. Python applies it to the journey map,
// re-runs the audit and sends the new board; nothing is computed here but layout.

let dragged = null; // {kind: "card", activity} or {kind: "stage", stage}, while dragging

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

function dropZone(node, accepts, onDrop) {
  node.addEventListener("dragover", (event) => {
    if (dragged && dragged.kind === accepts) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      node.classList.add("over");
    }
  });
  node.addEventListener("dragleave", () => node.classList.remove("over"));
  node.addEventListener("drop", (event) => {
    node.classList.remove("over");
    if (!dragged || dragged.kind !== accepts) return;
    event.preventDefault();
    const what = dragged;
    dragged = null;
    onDrop(what);
  });
  return node;
}

function draggable(node, what) {
  node.setAttribute("draggable", "true");
  node.addEventListener("dragstart", (event) => {
    dragged = what;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", what.activity || what.stage);
    event.stopPropagation();
  });
  node.addEventListener("dragend", () => {
    dragged = null;
  });
  return node;
}

function formats(locale) {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const change = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  const percent = (value) => (value === null ? "–" : share.format(value));
  return { whole: (v) => whole.format(v), percent, score: (v) => score.format(v), change: (v) => change.format(v) };
}

const NEXT_OUTCOME = { none: "good", good: "bad", bad: "none", check: "none" };

function card(item, words, number, error, send) {
  const outcome = item.outcome || "none";
  const failed = error && error.activity === item.activity && !error.stage;
  const evidence = [
    `${number.whole(item.events)} ${words.events}`,
    `${number.percent(item.case_share)} ${words.of_cases}`,
    `${words.at} ${number.percent(item.position)}`,
    `${words.ends} ${number.percent(item.ends_share)}`,
  ].join(" · ");
  const node = el(
    "div",
    { className: "card" + (item.touchpoint ? " front" : ""), "data-activity": item.activity },
    el("div", { className: "name", title: item.activity }, item.activity),
    el("div", { className: "evidence", title: words.evidence_help }, evidence),
    el(
      "div",
      { className: "chips" },
      el(
        "button",
        {
          className: "chip touchpoint" + (item.touchpoint ? " on" : ""),
          title: words.touchpoint_help,
          "aria-pressed": item.touchpoint ? "true" : "false",
          onclick: () =>
            send({ op: "set_touchpoint", activity: item.activity, on: !item.touchpoint }),
        },
        words.touchpoint,
      ),
      el(
        "button",
        {
          className: `chip outcome ${outcome}`,
          title: words.outcome_help,
          "data-outcome": outcome,
          onclick: () => {
            const next = NEXT_OUTCOME[outcome];
            send({ op: "set_outcome", activity: item.activity, kind: next === "none" ? null : next });
          },
        },
        words[`outcome_${outcome}`],
      ),
      item.channel ? el("span", { className: "chip channel" }, item.channel) : null,
    ),
    item.notes.map((note) => el("div", { className: "note", title: note }, note)),
    failed ? el("div", { className: "message error" }, error.message) : null,
  );
  return draggable(node, { kind: "card", activity: item.activity });
}

function header(column, index, words, error, send) {
  // a text box that wraps long names (an input would cut them)
  const name = el(
    "div",
    {
      className: "stage-name",
      contenteditable: "plaintext-only",
      role: "textbox",
      "aria-label": words.stage_name,
      title: column.description || "",
      onblur: (event) => {
        const text = event.target.textContent.trim();
        if (text !== column.stage) send({ op: "rename_stage", stage: column.stage, name: text });
      },
      onkeydown: (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          event.target.blur();
        }
      },
    },
    column.stage,
  );
  const promise = el("input", {
    className: "promise",
    value: column.promise || "",
    placeholder: words.promise_placeholder,
    "aria-label": words.promise,
    title: words.promise_help,
    onchange: (event) =>
      send({ op: "set_promise", stage: column.stage, promise: event.target.value }),
    onkeydown: (event) => event.key === "Enter" && event.target.blur(),
  });
  const failed = error && error.stage === column.stage;
  const node = el(
    "div",
    { className: "head", "data-stage": column.stage },
    el(
      "div",
      { className: "title" },
      draggable(el("span", { className: "handle", title: words.move_stage }, "⠿"), {
        kind: "stage",
        stage: column.stage,
      }),
      name,
      el(
        "button",
        {
          className: "remove",
          title: words.remove_stage,
          "aria-label": `${words.remove_stage}: ${column.stage}`,
          onclick: () => send({ op: "remove_stage", stage: column.stage }),
        },
        "×",
      ),
    ),
    el("label", { className: "promise-line" }, el("span", {}, words.promise), promise),
    column.warnings.map((text) => el("div", { className: "message warning" }, text)),
    failed ? el("div", { className: "message error" }, error.message) : null,
  );
  return dropZone(node, "stage", (what) =>
    send({ op: "move_stage", stage: what.stage, index }),
  );
}

function strip(column, number, words) {
  if (column.friction === null) return el("div", { className: "strip none" }, "–");
  const heat = Math.min(1, Math.max(0, column.friction / 100));
  const change =
    column.change === null || Math.abs(column.change) < 0.005
      ? null
      : el(
          "span",
          { className: "change " + (column.change > 0 ? "worse" : "better") },
          number.change(column.change),
        );
  return el(
    "div",
    {
      className: "strip",
      "data-stage": column.stage,
      style: `--heat: ${heat.toFixed(3)}`,
      title: words.friction_help,
    },
    el("span", { className: "label" }, words.friction),
    el("span", { className: "score" }, number.score(column.friction)),
    change,
  );
}

function lanes(board, words, number, count) {
  const rows = [];
  const stages = board.columns.map((column) => column.stage);
  board.lanes.forEach((lane, index) => {
    const front = lane.kind === "frontstage";
    rows.push(
      el("div", { className: `lane-title ${lane.kind}`, style: `grid-column: 1 / span ${count}` },
        front ? words.frontstage : lane.lane),
    );
    for (const stage of stages) {
      const cell = lane.cells[stage] || [];
      rows.push(
        el(
          "div",
          { className: `lane-cell ${lane.kind}` },
          cell.map(([activity, events]) =>
            el("div", { className: "lane-item", title: activity }, `${activity} · ${number.whole(events)}`),
          ),
        ),
      );
    }
    const next = board.lanes[index + 1];
    if (front && (!next || next.kind !== "frontstage")) {
      rows.push(
        el("div", { className: "visibility", style: `grid-column: 1 / span ${count}` },
          el("span", {}, words.line_of_visibility)),
      );
    }
  });
  return rows;
}

function render(data, send) {
  const { board, words, error } = data;
  const number = formats(data.locale);
  const count = board.columns.length;
  const toolbar = el(
    "div",
    { className: "toolbar" },
    el("button", { className: "undo", disabled: !data.can_undo, onclick: () => send({ op: "undo" }) }, `↶ ${words.undo}`),
    el("button", { className: "redo", disabled: !data.can_redo, onclick: () => send({ op: "redo" }) }, `↷ ${words.redo}`),
    dropZone(
      el("div", { className: "new-stage", title: words.new_stage_help }, `+ ${words.new_stage}`),
      "card",
      (what) => send({ op: "add_stage", activity: what.activity, name: data.new_stage_name }),
    ),
    el("span", { className: "hint" }, words.hint),
  );
  const grid = el("div", {
    className: "grid",
    style: `grid-template-columns: repeat(${count}, minmax(8.5rem, 1fr))`,
  });
  board.columns.forEach((column) => grid.append(strip(column, number, words)));
  board.columns.forEach((column, index) => grid.append(header(column, index, words, error, send)));
  board.columns.forEach((column) => {
    const cards = el(
      "div",
      { className: "cards", "data-stage": column.stage },
      column.cards.map((item) => card(item, words, number, error, send)),
    );
    grid.append(
      dropZone(cards, "card", (what) =>
        send({ op: "move_card", activity: what.activity, stage: column.stage }),
      ),
    );
  });
  grid.append(...lanes(board, words, number, count));
  const tray = dropZone(
    el(
      "div",
      { className: "tray" },
      el("div", { className: "tray-title" }, `${words.tray} (${board.tray.length})`),
      el("div", { className: "tray-cards" }, board.tray.map((item) => card(item, words, number, error, send))),
    ),
    "card",
    (what) => send({ op: "move_card", activity: what.activity, stage: null }),
  );
  const loose = error && !error.stage && !error.activity;
  const messages = el(
    "div",
    { className: "messages" },
    loose ? el("div", { className: "message error" }, error.message) : null,
    board.warnings.map((text) => el("div", { className: "message warning" }, text)),
    board.notes.map((text) => el("div", { className: "note" }, text)),
  );
  return el("div", { className: "board" }, toolbar, grid, tray, messages);
}

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const send = (edit) => setTriggerValue("edit", { ...edit, nonce: `${Date.now()}-${Math.random()}` });
  const mount = parentElement.querySelector(".board-mount") || parentElement.appendChild(el("div", { className: "board-mount" }));
  mount.replaceChildren(render(data, send));
}
