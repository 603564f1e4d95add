// Text into HTML: everything a person wrote (names, log entries, usernames) is escaped, and set in
// its own bidirectional isolate so that a Latin username or an Arabic log entry cannot reorder the
// text around it, whatever the page's direction.

const replacements: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => replacements[character]!)
}

/** Text written by a person, escaped and isolated; its direction is taken from its first strong letter. */
export function userText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`
}

/** Latin-only text (usernames, ids) kept left-to-right inside right-to-left pages. */
export function latinText(text: string): string {
  return `<bdi dir="ltr">${escapeHtml(text)}</bdi>`
}
