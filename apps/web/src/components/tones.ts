// Tag colours, each dark enough for white text at WCAG AA (Ant Design's preset light tags are not).
export const TONE = {
  neutral: '#595959',
  info: '#0b57c4',
  progress: '#006d75',
  waiting: '#8c5a00',
  review: '#531dab',
  warning: '#ad4e00',
  danger: '#a8071a',
  success: '#237804',
  brand: '#b71c1c',
} as const;

export type Tone = keyof typeof TONE;
