import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBodySchema, registerBodySchema } from '@marketswarm/shared/dto';
import { fetchDemoLogin, signIn, signUp } from './auth-api';
import { submitErrors, zodFieldErrors, type FieldErrors } from './form-issues';
import { signInReasonMessage, useSession, useSetSessionUser } from './session';
import './auth.css';

export type AuthMode = 'signin' | 'signup';

/** The inputs of the form, which server issues may highlight. */
const FORM_FIELDS = ['email', 'password'] as const;

/** Sign-in and sign-up: one form, validated with the same schemas the gateway uses. */
export function AuthPage({ mode }: { mode: AuthMode }) {
  const { user } = useSession();
  const setUser = useSetSessionUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const demo = useQuery({ queryKey: ['auth', 'demo'], queryFn: fetchDemoLogin, staleTime: Infinity, enabled: mode === 'signin' });
  const emailId = useId();
  const passwordId = useId();

  if (user) return <Navigate to="/" replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const input = { email: text('email'), password: text('password') };
    const parsed = (mode === 'signin' ? loginBodySchema : registerBodySchema).safeParse(input);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      setMessage('Check the highlighted fields.');
      return;
    }
    setBusy(true);
    setFields({});
    setMessage(undefined);
    try {
      const signedIn = await (mode === 'signin' ? signIn(parsed.data) : signUp(parsed.data));
      setUser(signedIn);
      void navigate('/', { replace: true });
    } catch (error) {
      const shown = submitErrors(error, FORM_FIELDS);
      setFields(shown.fields);
      setMessage(shown.message);
    } finally {
      setBusy(false);
    }
  };

  const reason = mode === 'signin' ? signInReasonMessage(params.get('reason')) : undefined;
  const title = mode === 'signin' ? 'Sign in' : 'Create your account';
  return (
    <main className="auth-page">
      <form className="auth-card" data-testid={`${mode}-form`} onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy}>
        <h1>MarketSwarm</h1>
        <h2>{title}</h2>
        {reason && (
          <p className="auth-notice" role="status" data-testid="auth-reason">
            {reason}
          </p>
        )}
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} name="email" type="email" autoComplete="email" required autoFocus aria-invalid={fields['email'] ? true : undefined} aria-describedby={fields['email'] ? `${emailId}-err` : undefined} />
        {fields['email'] && (
          <p className="field-error" id={`${emailId}-err`}>
            Email {fields['email']}
          </p>
        )}
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          required
          aria-invalid={fields['password'] ? true : undefined}
          aria-describedby={fields['password'] ? `${passwordId}-err` : undefined}
        />
        {fields['password'] && (
          <p className="field-error" id={`${passwordId}-err`}>
            Password {fields['password']}
          </p>
        )}
        {message && (
          <p className="form-error" role="alert" data-testid="auth-error">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Please wait…' : title}
        </button>
        {mode === 'signin' ? (
          <p className="auth-switch">
            New here? <Link to="/signup" data-testid="to-signup">Create an account</Link>
          </p>
        ) : (
          <p className="auth-switch">
            Have an account? <Link to="/signin" data-testid="to-signin">Sign in</Link>
          </p>
        )}
        {demo.data && (
          <p className="auth-demo" data-testid="demo-login">
            Local stack demo login: <span className="mono">{demo.data.email}</span> / <span className="mono">{demo.data.password}</span>
          </p>
        )}
      </form>
    </main>
  );
}
