export * from './auth-settings.js';
export * from './authenticate.js';
export * from './csrf.js';
export * from './login-rate-limit.js';
export * from './password-hasher.js';
export * from './session-cookie.js';
export * from './session-store.js';
export * from './user-store.js';
