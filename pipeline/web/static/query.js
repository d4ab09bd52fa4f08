// The query page: run the editor's query against the endpoint and show the answer.
"use strict";

(function () {
  const app = document.getElementById("query-app");
  const base = app.dataset.base;
  const endpoint = app.dataset.endpoint;
  const editor = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const errorBox = document.getElementById("error");
  const notice = document.getElementById("notice");

  function link(iri) {
    const a = document.createElement("a");
    a.href = iri.startsWith(base) ? "/" + iri.slice(base.length) : iri;
    a.textContent = iri;
    return a;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.appendChild(link(term.value));
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else if (term.type === "triple") {
      td.textContent = "<< " + ["subject", "predicate", "object"].map((k) => term.value[k].value).join(" ") + " >>";
    } else {
      td.textContent = term.value;
      const note = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? term.datatype.replace("http://www.w3.org/2001/XMLSchema#", "xsd:") : "";
      if (note) {
        const small = document.createElement("small");
        small.className = "dt";
        small.textContent = " " + note;
        td.appendChild(small);
      }
    }
    return td;
  }

  function table(json) {
    const t = document.createElement("table");
    t.className = "results";
    const head = t.createTHead().insertRow();
    for (const v of json.head.vars) {
      const th = document.createElement("th");
      th.textContent = "?" + v;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const b of json.results.bindings) {
      const row = body.insertRow();
      for (const v of json.head.vars) row.appendChild(cell(b[v]));
    }
    return t;
  }

  async function run() {
    errorBox.hidden = true;
    notice.hidden = true;
    results.replaceChildren();
    status.textContent = "Running…";
    const started = performance.now();
    let response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: editor.value,
      });
    } catch (e) {
      status.textContent = "";
      errorBox.textContent = "The server could not be reached: " + e;
      errorBox.hidden = false;
      return;
    }
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      status.textContent = "";
      let text = response.status + " " + response.statusText;
      if (type.includes("json")) {
        const e = (await response.json()).error;
        text = e.title + ": " + e.detail;
      }
      errorBox.textContent = text;
      errorBox.hidden = false;
      return;
    }
    if (response.headers.get("X-LDPub-Results-Truncated") === "true") {
      const limit = response.headers.get("X-LDPub-Result-Limit");
      notice.textContent = "Only the first " + limit + " results are shown: the server's result limit (result_limit) cut the rest. Add a LIMIT or narrow the query.";
      notice.hidden = false;
    }
    if (type.includes("json")) {
      const json = await response.json();
      if ("boolean" in json) {
        const p = document.createElement("p");
        p.className = "boolean";
        p.textContent = json.boolean ? "true" : "false";
        results.appendChild(p);
        status.textContent = "Answered in " + ms + " ms";
      } else {
        results.appendChild(table(json));
        const n = json.results.bindings.length;
        status.textContent = n + (n === 1 ? " row" : " rows") + " in " + ms + " ms";
      }
    } else {
      const pre = document.createElement("pre");
      pre.className = "graph";
      pre.textContent = await response.text();
      results.appendChild(pre);
      status.textContent = "Graph in " + ms + " ms";
    }
  }

  function load(slug) {
    const button = document.querySelector('.example[data-slug="' + slug + '"]');
    if (!button) return false;
    editor.value = button.dataset.query;
    return true;
  }

  // With the script the form runs in place; without it, it loads /sparql?query=... as a page.
  document.getElementById("query-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  for (const button of document.querySelectorAll(".example")) {
    button.addEventListener("click", (e) => {
      e.preventDefault();
      load(button.dataset.slug);
      history.replaceState(null, "", "#" + button.dataset.slug);
      run();
    });
  }
  for (const button of document.querySelectorAll(".prefix")) {
    button.addEventListener("click", () => {
      if (!editor.value.includes(button.dataset.line)) editor.value = button.dataset.line + "\n" + editor.value;
      editor.focus();
    });
  }
  if (location.hash && load(location.hash.slice(1))) run();
})();
