import { useFormatters } from '../hooks/use-formatters';

export interface CountItem {
  key: string;
  label: string;
  value: number;
}

/** Labelled counts side by side, numbers in the user's locale. */
export function CountList({ items, label }: { items: readonly CountItem[]; label?: string }) {
  const { number } = useFormatters();
  return (
    <dl className="count-list" aria-label={label}>
      {items.map((item) => (
        <div key={item.key}>
          <dt>{item.label}</dt>
          <dd>{number(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
