/** Which record a list section has open in its editor, kept in the URL hash (`#section/12`, `#section/new`). */
import { ref, watch } from 'vue';

export type EditTarget = number | 'new' | undefined;

function parseSub(sub?: string): EditTarget {
  if (sub === 'new') return 'new';
  const n = Number(sub);
  return sub && Number.isInteger(n) ? n : undefined;
}

export function useEditing(section: string, sub: () => string | undefined) {
  const editing = ref(parseSub(sub()));
  watch(sub, (s) => (editing.value = parseSub(s)));
  function open(target: EditTarget): void {
    editing.value = target;
    history.replaceState(null, '', target === undefined ? `#${section}` : `#${section}/${target}`);
  }
  /** Keeps the URL on the saved record without re-opening the editor. */
  function onSaved(id: number): void {
    history.replaceState(null, '', `#${section}/${id}`);
  }
  return { editing, open, onSaved };
}
