import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { submitErrors } from './form-issues';

const FIELDS = ['email', 'password'];

describe(submitErrors.name, () => {
  it('highlights the fields the server refused and points at them', () => {
    const error = new ApiError(409, '409: an account with this email already exists', [{ path: 'email', message: 'is already registered; sign in instead' }]);
    expect(submitErrors(error, FIELDS)).toEqual({ fields: { email: 'is already registered; sign in instead' }, message: 'Check the highlighted fields.' });
  });

  it('shows the server’s message when its issues name nothing the form has', () => {
    const error = new ApiError(401, '401: invalid email or password', [{ path: '(credentials)', message: 'no account matches this email and password' }]);
    expect(submitErrors(error, FIELDS)).toEqual({ fields: {}, message: 'invalid email or password' });
  });

  it('shows a limit’s message with its wait, also when it names the email', () => {
    const account = new ApiError(429, '429: too many failed sign-ins for this account from this address; try again in 812 s', [
      { path: 'email', message: 'too many failed sign-ins for this account from this address; try again in 812 s' },
    ]);
    expect(submitErrors(account, FIELDS)).toEqual({ fields: {}, message: 'too many failed sign-ins for this account from this address; try again in 812 s' });
    const signUps = new ApiError(429, '429: too many sign-ups from this address; try again in 3599 s', [{ path: '(client)', message: 'too many sign-ups from this address; try again in 3599 s' }]);
    expect(submitErrors(signUps, FIELDS)).toEqual({ fields: {}, message: 'too many sign-ups from this address; try again in 3599 s' });
  });

  it('shows the message of an error that never reached the server', () => {
    expect(submitErrors(new ApiError(0, '/api/auth/login is unreachable: fetch failed'), FIELDS)).toEqual({ fields: {}, message: '/api/auth/login is unreachable: fetch failed' });
  });
});
