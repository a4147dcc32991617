// Building page elements. Every piece of text from the store reaches the page through
// textContent or text nodes, never as markup.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function signed(x) {
  return x === null || x === undefined ? "–" : (x > 0 ? "+" : "") + Number(x).toFixed(1);
}

// Click and Enter do the same: the element is reachable and usable from the keyboard.
export function activate(node, action) {
  node.tabIndex = 0;
  node.addEventListener("click", action);
  node.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || (ev.key === " " && node.tagName !== "BUTTON")) {
      ev.preventDefault();
      action();
    }
  });
  return node;
}
