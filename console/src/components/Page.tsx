import type { ComponentChildren } from 'preact';

/** A page's heading (focused on navigation, so keyboard and screen-reader users land on it). */
export function PageTitle({ children }: { children: ComponentChildren }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}

/** A labelled value in a definition list. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The button to the next page of a keyset listing, shown while there is one. */
export function NextPage({
  cursor,
  onNext,
  children = 'Next page',
}: {
  cursor: string | null | undefined;
  onNext: (cursor: string) => void;
  children?: ComponentChildren;
}) {
  if (!cursor) return null;
  return (
    <button type="button" class="secondary" onClick={() => onNext(cursor)}>
      {children}
    </button>
  );
}
