import { type RefCallback, useCallback, useState } from 'react';

/** The element's content width, followed as it resizes; charts draw at the width they are shown at. */
export function useWidth(initial: number): [number, RefCallback<HTMLElement>] {
  const [width, setWidth] = useState(initial);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(160, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [width, ref];
}
