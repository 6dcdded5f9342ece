// Thin client for the Rasid HTTP API. Writes authenticated by cookie also carry the CSRF token from the login response.
const csrfKey = "rasid.csrf";
let csrfToken = sessionStorage.getItem(csrfKey);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(response) {
  const type = response.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const message = (body && (body.detail || body.title || body.error)) || (typeof body === "string" && body) || response.statusText;
    throw new ApiError(response.status, `${response.status} ${message}`);
  }
  return body;
}

/** Query string from a filter object: empty values are left out, so the server sees only what is set. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function get(path, params = {}, signal = undefined) {
  return parse(await fetch(`${path}${query(params)}`, { headers: { Accept: "application/json" }, credentials: "same-origin", signal }));
}

export async function post(path, body) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (csrfToken) headers["X-CSRF-TOKEN"] = csrfToken;
  return parse(await fetch(path, { method: "POST", headers, credentials: "same-origin", body: JSON.stringify(body ?? {}) }));
}

export async function login(name, password) {
  const me = await post("/api/login", { name, password });
  csrfToken = me.csrf_token ?? null;
  if (csrfToken) sessionStorage.setItem(csrfKey, csrfToken);
  return me;
}

export async function logout() {
  try {
    await post("/api/logout", {});
  } finally {
    csrfToken = null;
    sessionStorage.removeItem(csrfKey);
  }
}

export async function me() {
  try {
    const user = await get("/api/me");
    if (!user || user.authenticated === false || !user.name) return null;
    if (user.csrf_token) {
      csrfToken = user.csrf_token;
      sessionStorage.setItem(csrfKey, csrfToken);
    }
    return user;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}
