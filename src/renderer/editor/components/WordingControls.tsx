/** Placeholder: filled in with the editor UI. */
export function WordingControls(_props: { nodeKey: string; role: string }) {
  return null;
}
