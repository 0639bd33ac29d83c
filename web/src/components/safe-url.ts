/** Data from imports and webhooks is not trusted: only http(s) links become clickable. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
