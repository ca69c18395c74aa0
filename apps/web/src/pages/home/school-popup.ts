/** A popup body built from DOM nodes (never HTML strings): school names come from imported files. */
export function schoolPopup(name: string, href: string, linkText: string, onOpen: (href: string) => void): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = name;
  const link = document.createElement('a');
  link.href = href;
  link.textContent = linkText;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    onOpen(href);
  });
  box.append(title, document.createElement('br'), link);
  return box;
}
