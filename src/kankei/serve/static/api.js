// Talking to the server: URLs with repeatable parameters, and errors that say what went
// wrong whatever the server answered (JSON with a detail, a 422 list, or plain text).

export function apiUrl(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  return url;
}

// FastAPI answers 4xx with {"detail": "..."} or, for a malformed parameter, with
// {"detail": [{"loc": [...], "msg": "..."}]}; a proxy or a crash may answer plain text.
function errorMessage(response, text) {
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: fall through to the status line
  }
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => `${(d.loc || []).filter((p) => p !== "query").join(".")}: ${d.msg}`)
      .join("; ");
  }
  const status = `${response.status} ${response.statusText}`.trim();
  return `the server answered ${status}${text && text.length < 200 && !text.includes("<") ? `: ${text}` : ""}`;
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, params = {}) {
  const url = apiUrl(path, params);
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new ApiError(`${url.pathname}: the server cannot be reached`, 0);
  }
  const text = await response.text();
  if (!response.ok) throw new ApiError(`${url.pathname}: ${errorMessage(response, text)}`, response.status);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(`${url.pathname}: the server's answer is not JSON`, response.status);
  }
}
