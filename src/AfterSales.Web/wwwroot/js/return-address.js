// Progressive enhancement: a button that copies the return address (the text stays selectable without it).
for (const button of document.querySelectorAll("button[data-copy-target]")) {
  const target = document.getElementById(button.dataset.copyTarget);
  if (!target || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(target.dataset.copyText || target.innerText.trim());
    button.textContent = button.dataset.copied;
  });
}
