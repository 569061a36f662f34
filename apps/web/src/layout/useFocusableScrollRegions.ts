import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body, .ant-table-header';

/**
 * A wide table scrolls sideways inside its own box; keyboard users can only scroll a box that
 * takes focus. Ant Design's tables don't give theirs a tabindex, so the layout does (axe:
 * scrollable-region-focusable).
 */
export function useFocusableScrollRegions(rootId: string): void {
  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return;
    const mark = () => {
      root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((element) => {
        if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
      });
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [rootId]);
}
