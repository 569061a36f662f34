import { createHash } from 'node:crypto';

/** A UUID (version 8, name-based): the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The duty a launch decides for a draft: fixed by the draft's key, so a repeated launch names the same duty. */
export const phaseDutyId = (draftKey: string) => nameBasedUuid(`duban:phase-duty:${draftKey}`);
