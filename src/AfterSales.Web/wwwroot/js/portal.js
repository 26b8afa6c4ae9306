// The consumer portal's progressive enhancement: every form works without it.
// 1. The request form re-checks eligibility on change (POST /api/v1/eligibility, same-origin cookie + anti-forgery header).
// 2. A chosen photo is previewed before upload.
(() => {
  "use strict";
  const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
  const form = document.getElementById("apply-form");
  const box = document.getElementById("eligibility");

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };

  // Texts come from the page's own resources, carried on the box (no text is written here).
  const t = (key) => box?.dataset["t" + key] ?? "";

  // The API's source is bilingual; the page carries each source's words in the reader's language, by key.
  const sources = (() => { try { return JSON.parse(box?.dataset.sources ?? "{}"); } catch { return {}; } })();

  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const money = (n) => "¥" + Number(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const time = (iso) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
    const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };

  const question = () => {
    const lines = [];
    form.querySelectorAll(".line-pick").forEach((row) => {
      const box = row.querySelector('input[type="checkbox"]');
      const qty = row.querySelector('input[type="number"]');
      const lineNo = Number(row.querySelector('input[type="hidden"]').value);
      if (box.checked) lines.push({ lineNo, quantity: Number(qty.value) || 1 });
    });
    return { orderNo: form.dataset.order, type: form.elements["Form.Type"].value, reason: form.elements["Form.Reason"].value, lines };
  };

  // A reason names its order line by number ("第 1 行商品…" / "Line 1: …"); the form shows the product instead,
  // named as the page names it (data-line-name on each line, the same words as the server-rendered answer).
  const leadingLine = /^(?:第 (\d+) 行(?:商品)?|Line (\d+))/;
  const named = (message) => message.replace(leadingLine, (all, zh, en) =>
    form.querySelector(`.line-pick input[type="hidden"][value="${zh ?? en}"]`)?.closest(".line-pick")?.dataset.lineName ?? all);

  const render = (v) => {
    const s = el("section", undefined, "elig " + (v.eligible ? "elig-yes" : "elig-no"));
    const h = el("h3", t("Title") + ": ");
    h.append(el("strong", v.eligible ? t("Yes") : t("No")));
    s.append(h);
    if (v.eligible) {
      const dl = el("dl", undefined, "facts");
      const row = (k, val) => { dl.append(el("dt", k), el("dd", val)); };
      row(t("Deadline"), v.deadline ? time(v.deadline) : t("Nodeadline"));
      row(t("Shipping"), box.dataset["tPaidby" + cap(v.returnShippingPaidBy)] ?? v.returnShippingPaidBy);
      row(t("Maxrefund"), money(v.maxRefund));
      s.append(dl);
    }
    s.append(el("h4", t("Why")));
    const ul = el("ul", undefined, "reasons");
    for (const r of v.reasons) {
      const li = el("li", undefined, "reason reason-" + r.outcome);
      li.append(el("strong", box.dataset["tOutcome" + cap(r.outcome)] ?? r.outcome), " " + named(r.message));
      li.append(el("span", t("Source") + ": " + (sources[r.sourceKey] ?? r.source), "meta source"));
      ul.append(li);
    }
    s.append(ul);
    box.replaceChildren(s);
  };

  let pending = null;
  const check = async () => {
    const q = question();
    if (q.lines.length === 0 && q.type !== "complaint") return;
    pending?.abort();
    pending = new AbortController();
    box.setAttribute("aria-busy", "true");
    box.replaceChildren(el("p", t("Checking"), "meta"));
    try {
      const res = await fetch("/api/v1/eligibility", {
        method: "POST", credentials: "same-origin", signal: pending.signal,
        headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": token },
        body: JSON.stringify(q),
      });
      if (!res.ok) throw new Error(String(res.status));
      render(await res.json());
    } catch (e) {
      if (e.name !== "AbortError") box.replaceChildren(el("p", t("Failed"), "meta"));
    } finally {
      box.removeAttribute("aria-busy");
    }
  };

  // At least one item must be ticked (a complaint may name none): the browser says so at the first box instead of a
  // round trip ending in a field error. The server still checks (OpenCase.Validate).
  const firstBox = () => form.querySelector('.line-pick input[type="checkbox"]:not(:disabled)');
  const linesMissing = () => form.elements["Form.Type"].value !== "complaint"
    && !form.querySelector('.line-pick input[type="checkbox"]:checked');
  form?.addEventListener("change", () => firstBox()?.setCustomValidity(""));

  // site.js shows progress on a form's first working button; on the request form that must be the button pressed.
  form?.addEventListener("submit", (e) => {
    const first = firstBox();
    if (first && linesMissing()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      first.setCustomValidity(t("Lineshint"));
      first.reportValidity();
      first.focus();
      return;
    }
    form.querySelectorAll("button[data-working]").forEach((b) => { if (b !== e.submitter) b.removeAttribute("data-working"); });
  });

  if (form && box) {
    let timer = 0;
    form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(check, 250); });
  }

  // Photo preview: the chosen image is shown next to the file field before it is sent.
  const file = document.getElementById("upload-file");
  if (file && window.FileReader) {
    const img = el("img", undefined, "preview");
    img.alt = document.getElementById("portal-texts")?.dataset.previewAlt ?? "";
    img.hidden = true;
    file.after(img);
    file.addEventListener("change", () => {
      const f = file.files?.[0];
      if (!f || !f.type.startsWith("image/")) { img.hidden = true; return; }
      const reader = new FileReader();
      reader.onload = () => { img.src = reader.result; img.hidden = false; };
      reader.readAsDataURL(f);
    });
  }
})();
