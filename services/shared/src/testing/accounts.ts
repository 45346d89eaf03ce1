/** Registers a fresh account through the real gateway and returns its cookie header. */
export async function registerAccount(gatewayUrl: string, email: string, password = 'correct horse battery'): Promise<{ cookie: string; userId: string }> {
  const res = await fetch(`${gatewayUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`register ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { cookie: cookieHeaderOf(res), userId: body.user.id };
}

/** Signs an existing account in through the real gateway (a new session, as another browser gets) and returns its cookie header. */
export async function signIn(gatewayUrl: string, email: string, password = 'correct horse battery'): Promise<string> {
  const res = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign in ${email}: ${res.status} ${await res.text()}`);
  return cookieHeaderOf(res);
}

/** The `Cookie` header a browser sends back after this response's `Set-Cookie`s. */
function cookieHeaderOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
