// Staff shortcuts (UI.md "Shared qualities"): j / k move the selection in a list, Enter opens it, / focuses the
// search box. Progressive enhancement only: every list works with Tab and the links without this file.
(() => {
  const typing = (el) => el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName));
  const rows = () => Array.from(document.querySelectorAll("[data-work-list] tbody tr[data-row]"));
  let current = -1;

  const select = (i) => {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, n) => {
      r.classList.toggle("selected", n === current);
      if (n === current) r.setAttribute("aria-selected", "true"); else r.removeAttribute("aria-selected");
    });
    const link = all[current].querySelector("a[data-open]");
    if (link) link.focus();
  };

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/" && !typing(e.target)) {
      const search = document.getElementById("q") || document.getElementById("search-q");
      if (search) { e.preventDefault(); search.focus(); search.select(); }
      return;
    }
    if (typing(e.target)) return;
    if (e.key === "j") { e.preventDefault(); select(current + 1); }
    else if (e.key === "k") { e.preventDefault(); select(current - 1); }
    else if (e.key === "Enter" && current >= 0) {
      const link = rows()[current]?.querySelector("a[data-open]");
      if (link && document.activeElement !== link) { e.preventDefault(); link.click(); }
    }
  });
})();
