// Autocomplete for the search box on every page (an ARIA 1.2 combobox with a listbox popup).
// Without this script the box is a plain form that submits to /search.
"use strict";

(function () {
  const input = document.getElementById("site-search");
  const list = document.getElementById("site-search-list");
  if (!input || !list) return;
  let active = -1;
  let timer = null;
  let asked = "";

  function options() {
    return Array.from(list.querySelectorAll('[role="option"]'));
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute("aria-selected", i === active ? "true" : "false"));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function show(results) {
    list.replaceChildren();
    results.forEach((r, i) => {
      const li = document.createElement("li");
      li.id = "site-search-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.url = r.url;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = r.label;
      const kind = document.createElement("span");
      kind.className = "kind kind-" + r.type;
      kind.textContent = r.type;
      li.append(name, " ", kind);
      if (r.matched !== r.label) {
        const alias = document.createElement("small");
        alias.textContent = " (" + r.matched + ")";
        li.appendChild(alias);
      }
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        location.href = r.url;
      });
      list.appendChild(li);
    });
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    active = -1;
  }

  async function suggest() {
    const q = input.value.trim();
    if (q.length < 2) return close();
    asked = q;
    try {
      const response = await fetch("/search.json?limit=8&q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
      });
      if (!response.ok || q !== asked) return;
      show((await response.json()).results);
    } catch (e) {
      close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener("keydown", (e) => {
    const open = !list.hidden;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (open) highlight(active + 1);
      else suggest();
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      highlight(active - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      location.href = options()[active].dataset.url;
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
})();
