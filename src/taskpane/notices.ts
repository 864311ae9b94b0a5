import type { RibbonNotice } from "../excel/ribbon";

type Listener = (notice: RibbonNotice) => void;

/** Carries the ribbon command's notices to the pane (both live in the shared runtime's one page). */
export interface NoticeChannel {
  publish(notice: RibbonNotice): void;
  subscribe(listener: Listener): () => void;
  /** The last notice, for a pane opened after it was published. */
  last(): RibbonNotice | null;
}

export function createNoticeChannel(): NoticeChannel {
  const listeners = new Set<Listener>();
  let latest: RibbonNotice | null = null;
  return {
    publish(notice) {
      latest = notice;
      for (const listener of listeners) listener(notice);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    last: () => latest,
  };
}
