// Report rounds read as words: "monthly:2026-03" → "月报 2026-03".
type Label = (prefix: string, value: string | null | undefined) => string;

export function roundName(roundKey: string | null | undefined, label: Label): string {
  if (!roundKey) return '';
  const [kind, period] = roundKey.split(':');
  return period ? `${label('reportKind', kind)} ${period}` : roundKey;
}
