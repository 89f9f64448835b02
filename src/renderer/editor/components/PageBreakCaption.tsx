/** Placeholder: filled in with the editor UI. */
export function PageBreakCaption() {
  return null;
}
