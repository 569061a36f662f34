import { Select } from 'antd';

interface Props {
  /** Says what the list is filtered by: the control's name for screen readers and its placeholder. */
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  options: Array<{ value: string; label: string }>;
  /** Long lists (districts, sectors, departments) can be typed into. */
  searchable?: boolean;
}

/** One filter of a list: clearable, labelled, the width every filter bar uses. */
export function FilterSelect({ label, value, onChange, options, searchable = false }: Props) {
  return (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={searchable}
      optionFilterProp="label"
      className="filter-select"
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={options}
    />
  );
}
