// PNG and SVG downloads of the chart that work under the page's Content-Security-Policy
// (img-src 'self' data:). Plotly's own PNG export draws the SVG through a blob: image, which
// that policy blocks; its SVG export is a data: URL, which it allows. So the SVG comes from
// Plotly, and the PNG is that SVG drawn on a canvas here, also as a data: URL.

function save(href, filename) {
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the chart could not be turned into an image"));
    img.src = src;
  });
}

export async function chartSvg(node) {
  const { width, height } = node.getBoundingClientRect();
  const size = { width: Math.round(width), height: Math.round(height) };
  return { url: await Plotly.toImage(node, { format: "svg", ...size }), ...size };
}

export async function downloadSvg(node, name) {
  const { url } = await chartSvg(node);
  save(url, `${name}.svg`);
}

export async function downloadPng(node, name, scale = 2) {
  const { url, width, height } = await chartSvg(node);
  const img = await loadImage(url);
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff"; // a PNG viewer's transparent background would hide the grid
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  save(canvas.toDataURL("image/png"), `${name}.png`);
}
