import { request } from '../api.js';
import type { Me } from './model.js';

/** Exchanges an API token for an HttpOnly session cookie. */
export function signIn(token: string): Promise<unknown> {
  return request('/api/session', { method: 'POST', body: { token } });
}

export function signOut(): Promise<unknown> {
  return request('/api/session', { method: 'DELETE' });
}

/** Who the session belongs to; rejects with a 401 ApiError when nobody is signed in. */
export function fetchMe(): Promise<Me> {
  return request<Me>('/api/v1/me');
}
