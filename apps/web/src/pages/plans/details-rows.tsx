import type { ReactNode } from 'react';

export interface DetailsRow {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label–value pairs in the app's details list style. */
export function DetailsRows({ rows }: { rows: readonly DetailsRow[] }) {
  return (
    <dl className="details-list">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
