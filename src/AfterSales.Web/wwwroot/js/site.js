// Progressive enhancement only: every page works without it. A form being sent shows that it is working.
document.addEventListener("submit", (e) => {
  const button = e.target.querySelector("button[type=submit][data-working]");
  if (button) {
    button.disabled = true;
    button.textContent = button.dataset.working;
    e.target.setAttribute("aria-busy", "true");
  }
});
